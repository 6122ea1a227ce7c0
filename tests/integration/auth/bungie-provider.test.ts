// The sign-in's Bungie calls go through our client's limiter at token priority: the code
// exchange (which Auth.js would otherwise send with its own fetch, uncounted) and the memberships.
import { customFetch } from "next-auth";
import { afterEach, describe, expect, it } from "vitest";
import { setBungieClient } from "@/lib/bungie/client";
import {
  UNCOUNTED_SLOT,
  unlimited,
  type BungieLimiter,
  type RequestTicket,
} from "@/lib/bungie/limits";
import { bungieProvider } from "@/lib/auth/bungie-provider";
import { parseEnv } from "@/lib/env-schema";
import { CLIENT_SECRET, envelope, testClient } from "../../unit/bungie/fake-fetch";

const env = parseEnv({
  AUTH_SECRET: "s".repeat(40),
  BUNGIE_API_KEY: "key-123",
  BUNGIE_CLIENT_ID: "12345",
  BUNGIE_CLIENT_SECRET: CLIENT_SECRET,
  BUNGIE_ORIGIN: "http://bungie.test/sandbox",
});
const TOKEN_URL = "http://bungie.test/sandbox/Platform/App/OAuth/token/";

afterEach(() => setBungieClient(undefined));

function recordingClient(replies: Parameters<typeof testClient>[0]) {
  const tickets: RequestTicket[] = [];
  const limiter: BungieLimiter = {
    ...unlimited,
    acquireRequest: async (ticket) => (tickets.push(ticket!), UNCOUNTED_SLOT),
  };
  const made = testClient(replies, { limiter });
  setBungieClient(made.client);
  return { ...made, tickets };
}

describe("bungieProvider", () => {
  it("sends Auth.js' code exchange through our client, first in line", async () => {
    const { calls, tickets } = recordingClient([
      { json: { access_token: "at-1", token_type: "Bearer", expires_in: 3600 } },
    ]);
    const provider = bungieProvider(env) as unknown as Record<symbol, typeof fetch>;
    const response = await provider[customFetch]!(TOKEN_URL, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: "code-abc",
        client_id: "12345",
        client_secret: CLIENT_SECRET,
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ access_token: "at-1" });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(TOKEN_URL);
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({
      grant_type: "authorization_code",
      code: "code-abc",
      client_id: "12345",
      client_secret: CLIENT_SECRET,
    });
    expect(tickets.map((t) => t.priority)).toEqual(["token"]);
  });

  it("passes Bungie's refusal through unchanged for Auth.js to report", async () => {
    recordingClient([{ status: 400, json: { error: "invalid_grant" } }]);
    const provider = bungieProvider(env) as unknown as Record<symbol, typeof fetch>;
    const response = await provider[customFetch]!(TOKEN_URL, {
      method: "POST",
      body: "grant_type=authorization_code&code=spent",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant" });
  });

  it("reads the memberships at token priority too", async () => {
    const { tickets, calls } = recordingClient([{ json: envelope({ destinyMemberships: [] }) }]);
    const provider = bungieProvider(env);
    const userinfo = provider.userinfo as {
      request: (ctx: { tokens: { access_token: string } }) => Promise<unknown>;
    };
    await userinfo.request({ tokens: { access_token: "at-1" } });
    expect(calls[0]!.url).toContain("/Platform/User/GetMembershipsForCurrentUser/");
    expect(tickets.map((t) => t.priority)).toEqual(["token"]);
  });
});
