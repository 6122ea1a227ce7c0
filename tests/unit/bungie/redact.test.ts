import { describe, expect, it } from "vitest";
import { exchangeAuthorizationCode, refreshAccessToken } from "@/lib/bungie/oauth";
import { REDACTED, redact, redactValue } from "@/lib/log/redact";
import { getProfile } from "@/lib/bungie/profile";
import { createBungieClient } from "@/lib/bungie/http";
import { unlimited } from "@/lib/bungie/limits";
import { API_KEY, CLIENT_SECRET, envelope, fakeFetch } from "./fake-fetch";

describe("redact", () => {
  it("masks credential-shaped text", () => {
    const cases: [string, string][] = [
      ["Authorization: Bearer abc.def-ghi", "abc.def-ghi"],
      ["X-API-Key: k3y-value", "k3y-value"],
      ["grant_type=authorization_code&code=s3cr3t-code&client_id=1", "s3cr3t-code"],
      ["refresh_token=rt-value-1&client_secret=cs-value-2", "rt-value-1"],
      ["refresh_token=rt-value-1&client_secret=cs-value-2", "cs-value-2"],
      ['{"access_token":"at-value-3","token_type":"Bearer"}', "at-value-3"],
      ['{"refresh_token": "rt-value-4"}', "rt-value-4"],
      ["https://x.test/cb?state=s&code=c0de-from-bungie", "c0de-from-bungie"],
      ['{"apiKey":"k-value-5"}', "k-value-5"],
    ];
    for (const [text, secret] of cases) {
      const out = redact(text);
      expect(out, text).not.toContain(secret);
      expect(out).toContain(REDACTED);
    }
    expect(redact("code=x&client_id=1")).toContain("client_id=1");
  });

  it("masks known secret values anywhere", () => {
    expect(redact("oops the key is mysecretapikey inside", ["mysecretapikey"])).toBe(
      `oops the key is ${REDACTED} inside`,
    );
  });

  it("leaves ordinary text alone", () => {
    const text = "GET /Destiny2/3/Profile/4611686018467284386/ 200 in 12 ms";
    expect(redact(text)).toBe(text);
  });

  it("masks secret-named keys in objects, but keeps numeric error codes", () => {
    const out = redactValue({
      headers: { "X-API-Key": "k", Authorization: "Bearer t" },
      body: { code: "oauth-code", client_secret: "s" },
      error: { code: 1642, name: "DestinyNoRoomInDestination" },
      note: "Bearer zzz-token",
    }) as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(out)).not.toMatch(/oauth-code|"k"|Bearer t|"s"|zzz-token/);
    expect(out.error!.code).toBe(1642);
  });
});

describe("no secret reaches a log line or an error", () => {
  it("across successes, failures, retries and OAuth calls", async () => {
    const ACCESS = "player-access-token-999";
    const REFRESH = "player-refresh-token-888";
    const CODE = "authorization-code-777";
    const lines: string[] = [];
    const { fetch } = fakeFetch([
      { json: envelope({}) },
      { status: 500, json: envelope(undefined, 3, { Message: `echo ${API_KEY}` }) },
      { status: 502, text: `<html>${ACCESS}</html>` },
      { status: 401, json: envelope(undefined, 2111, { Message: `token ${ACCESS} expired` }) },
      { status: 400, json: { error: "invalid_grant", error_description: `bad ${CODE}` } },
      { status: 400, json: { error: "invalid_grant", error_description: `bad ${REFRESH}` } },
    ]);
    const client = createBungieClient({
      origin: "http://bungie.test",
      apiKey: API_KEY,
      clientId: "12345",
      clientSecret: CLIENT_SECRET,
      fetch,
      limiter: unlimited,
      logger: (level, message, fields) =>
        lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const errors: unknown[] = [];
    const profile = { membershipType: 3, membershipId: "46", accessToken: ACCESS };
    await getProfile(profile, { client });
    await getProfile(profile, { client }).catch((e: unknown) => errors.push(e));
    await getProfile(profile, { client }).catch((e: unknown) => errors.push(e));
    await exchangeAuthorizationCode(CODE, client).catch((e: unknown) => errors.push(e));
    await refreshAccessToken(REFRESH, client).catch((e: unknown) => errors.push(e));

    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(errors).toHaveLength(4);
    const everything = [
      ...lines,
      ...errors.map((e) => `${(e as Error).message} ${JSON.stringify(e)} ${String(e)}`),
    ].join("\n");
    for (const secret of [API_KEY, CLIENT_SECRET, ACCESS, REFRESH, CODE]) {
      expect(everything).not.toContain(secret);
    }
  });
});
