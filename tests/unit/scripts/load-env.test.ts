import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadProjectEnv } from "@/scripts/load-env.mjs";

// The loader every command outside `next` uses (start, db, manifest, digest): the shell wins over
// .env, and the generated demo secret is only a fallback in demo mode.
const KEYS = [
  "AUTH_SECRET",
  "DATABASE_URL",
  "EMAIL_FROM",
  "BUNGIE_API_KEY",
  "BUNGIE_CLIENT_ID",
  "BUNGIE_CLIENT_SECRET",
];
let saved: Record<string, string | undefined>;
let root: string;

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
  for (const key of KEYS) delete process.env[key];
  root = mkdtempSync(path.join(tmpdir(), "warmind-env-"));
  mkdirSync(path.join(root, ".data"));
  writeFileSync(path.join(root, ".data", "auth-secret"), "generated-demo-secret\n");
});

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("loadProjectEnv", () => {
  it("reads .env, unquotes values, skips comments, and never overrides the shell", () => {
    writeFileSync(
      path.join(root, ".env"),
      [
        "# a comment",
        'DATABASE_URL="postgres://db.example/warmind"',
        "# EMAIL_FROM=commented@example.com",
        "EMAIL_FROM='Warmind <digest@example.com>'",
        "AUTH_SECRET=from-dot-env",
      ].join("\n"),
    );
    process.env.AUTH_SECRET = "from-shell";
    loadProjectEnv(root);
    expect(process.env.DATABASE_URL).toBe("postgres://db.example/warmind");
    expect(process.env.EMAIL_FROM).toBe("Warmind <digest@example.com>");
    expect(process.env.AUTH_SECRET).toBe("from-shell");
  });

  it("falls back to the secret npm start generated, in demo mode only", () => {
    loadProjectEnv(root);
    expect(process.env.AUTH_SECRET).toBe("generated-demo-secret");

    delete process.env.AUTH_SECRET;
    writeFileSync(path.join(root, ".env"), "BUNGIE_API_KEY=abc\n");
    loadProjectEnv(root);
    expect(process.env.BUNGIE_API_KEY).toBe("abc");
    expect(process.env.AUTH_SECRET).toBeUndefined();
  });

  it("is a no-op without a .env file or a generated secret", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "warmind-env-"));
    loadProjectEnv(empty);
    expect(process.env.AUTH_SECRET).toBeUndefined();
    expect(process.env.DATABASE_URL).toBeUndefined();
  });
});
