import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env-schema";

const secret = "s".repeat(40);

function errorOf(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (error) {
    return error as EnvError;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("runs in demo mode against the mounted sandbox when no Bungie credentials are set", () => {
    const env = parseEnv({ AUTH_SECRET: secret, PORT: "3100" });
    expect(env.demo).toBe(true);
    expect(env.appUrl).toBe("http://localhost:3100");
    expect(env.bungie).toEqual({
      origin: "http://localhost:3100/sandbox",
      apiKey: "sandbox-api-key",
      clientId: "sandbox-client",
      clientSecret: "sandbox-secret",
    });
    expect(env.databaseUrl).toBe("pglite:.data/pglite");
  });

  it("talks to Bungie.net when all three credentials are set", () => {
    const env = parseEnv({
      AUTH_SECRET: secret,
      BUNGIE_API_KEY: "abc123",
      BUNGIE_CLIENT_ID: "12345",
      BUNGIE_CLIENT_SECRET: "shh",
      APP_URL: "https://warmind.example/",
      DATABASE_URL: "postgres://u:p@db:5432/warmind",
    });
    expect(env.demo).toBe(false);
    expect(env.bungie.origin).toBe("https://www.bungie.net");
    expect(env.appUrl).toBe("https://warmind.example");
    expect(env.databaseUrl).toBe("postgres://u:p@db:5432/warmind");
  });

  it("names the missing credential when only some are set", () => {
    const error = errorOf({ AUTH_SECRET: secret, BUNGIE_API_KEY: "abc" });
    expect(error).toBeInstanceOf(EnvError);
    expect(error.variable).toBe("BUNGIE_CLIENT_ID");
    expect(error.message).toMatch(/^Invalid environment: BUNGIE_CLIENT_ID is required/);
    expect(error.message).not.toContain("\n");
  });

  it("names a malformed variable in one line, without echoing secrets", () => {
    expect(errorOf({ AUTH_SECRET: secret, BUNGIE_ORIGIN: "bungie.net" }).message).toBe(
      'Invalid environment: BUNGIE_ORIGIN must be an http(s) URL (got "bungie.net")',
    );
    const short = errorOf({ AUTH_SECRET: "tooshort" });
    expect(short.variable).toBe("AUTH_SECRET");
    expect(short.message).not.toContain("tooshort");
    expect(errorOf({ AUTH_SECRET: secret, DATABASE_URL: "mysql://x" }).variable).toBe(
      "DATABASE_URL",
    );
    expect(errorOf({ AUTH_SECRET: secret, SMTP_URL: "mail.example.com" }).variable).toBe(
      "SMTP_URL",
    );
    expect(errorOf({ AUTH_SECRET: secret, CRON_SECRET: "short" }).variable).toBe("CRON_SECRET");
  });

  it("requires AUTH_SECRET", () => {
    expect(errorOf({}).message).toMatch(/^Invalid environment: AUTH_SECRET is required/);
  });

  it("serves the demo sandbox's control API only when SANDBOX_CONTROL=1, and never with Bungie credentials", () => {
    expect(parseEnv({ AUTH_SECRET: secret }).sandboxControl).toBe(false);
    expect(parseEnv({ AUTH_SECRET: secret, SANDBOX_CONTROL: "0" }).sandboxControl).toBe(false);
    expect(parseEnv({ AUTH_SECRET: secret, SANDBOX_CONTROL: "1" }).sandboxControl).toBe(true);
    expect(
      parseEnv({
        AUTH_SECRET: secret,
        SANDBOX_CONTROL: "1",
        BUNGIE_API_KEY: "k",
        BUNGIE_CLIENT_ID: "1",
        BUNGIE_CLIENT_SECRET: "s",
      }).sandboxControl,
    ).toBe(false);
    expect(errorOf({ AUTH_SECRET: secret, SANDBOX_CONTROL: "yes" }).message).toMatch(
      /^Invalid environment: SANDBOX_CONTROL must be 1/,
    );
  });

  it("limits confirmation emails to 500 an hour unless CONFIRMATION_EMAILS_PER_HOUR says", () => {
    expect(parseEnv({ AUTH_SECRET: secret }).confirmationEmailsPerHour).toBe(500);
    expect(
      parseEnv({ AUTH_SECRET: secret, CONFIRMATION_EMAILS_PER_HOUR: "50" })
        .confirmationEmailsPerHour,
    ).toBe(50);
    for (const bad of ["0", "-1", "1.5", "lots"]) {
      expect(errorOf({ AUTH_SECRET: secret, CONFIRMATION_EMAILS_PER_HOUR: bad }).variable).toBe(
        "CONFIRMATION_EMAILS_PER_HOUR",
      );
    }
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ AUTH_SECRET: secret, BUNGIE_API_KEY: "", REDIS_URL: "" });
    expect(env.demo).toBe(true);
    expect(env.REDIS_URL).toBeUndefined();
  });
});
