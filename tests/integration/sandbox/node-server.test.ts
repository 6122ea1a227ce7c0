// The sandbox over real HTTP: OAuth through the consent form, reads, an action, gzip,
// large content and a hung request abandoned by its client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer, type SandboxServer } from "@/sandbox/node-server";

const KEY = { "X-API-Key": "sandbox-api-key" };

describe("sandbox over HTTP", () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({
      port: 0,
      basePath: "/sandbox",
      redirectUrl: "http://app.test/callback",
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const url = (path: string) => `${server.url}/sandbox${path}`;

  it("listens on a random port without a trailing slash", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("signs in through the consent page and calls the API with the token", async () => {
    const page = await fetch(
      url("/en/OAuth/Authorize?client_id=sandbox-client&response_type=code&state=it"),
    );
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe("/sandbox/en/OAuth/Authorize");
    const consent = await fetch(`${server.url}${action}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "sandbox-client",
        response_type: "code",
        state: "it",
        account: "demo",
        decision: "approve",
      }),
    });
    expect(consent.status).toBe(302);
    const location = new URL(consent.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://app.test/callback");
    const tokenResponse = await fetch(url("/Platform/App/OAuth/token/"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: location.searchParams.get("code") ?? "",
        client_id: "sandbox-client",
        client_secret: "sandbox-secret",
      }),
    });
    const token = (await tokenResponse.json()) as { access_token: string; membership_id: string };
    const me = await fetch(url("/Platform/User/GetMembershipsForCurrentUser/"), {
      headers: { ...KEY, Authorization: `Bearer ${token.access_token}` },
    });
    const body = (await me.json()) as {
      ErrorCode: number;
      Response: { bungieNetUser: { membershipId: string }; primaryMembershipId: string };
    };
    expect(body.ErrorCode).toBe(1);
    expect(body.Response.bungieNetUser.membershipId).toBe(token.membership_id);

    // A full profile (gzip-encoded on the wire, fetch inflates it), then an action.
    const profile = await fetch(
      url(
        `/Platform/Destiny2/3/Profile/${body.Response.primaryMembershipId}/?components=100,102,200,201,205,300`,
      ),
      {
        headers: {
          ...KEY,
          Authorization: `Bearer ${token.access_token}`,
          "accept-encoding": "gzip",
        },
      },
    );
    expect(profile.headers.get("content-encoding")).toBe("gzip");
    const parsed = (await profile.json()) as {
      Response: {
        characterInventories: {
          data: Record<
            string,
            { items: { itemHash: number; itemInstanceId?: string; bucketHash: number }[] }
          >;
        };
      };
    };
    const [characterId, inventory] =
      Object.entries(parsed.Response.characterInventories.data)[1] ?? [];
    const item = inventory?.items.find((i) => i.itemInstanceId && i.bucketHash === 1498876634);
    const moved = await fetch(url("/Platform/Destiny2/Actions/Items/TransferItem/"), {
      method: "POST",
      headers: {
        ...KEY,
        Authorization: `Bearer ${token.access_token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        itemReferenceHash: item?.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: item?.itemInstanceId,
        characterId,
        membershipType: 3,
      }),
    });
    expect(((await moved.json()) as { ErrorCode: number }).ErrorCode).toBe(1);
    const state = (await (await fetch(url("/__sandbox/state?user=demo"))).json()) as {
      profiles: { items: { itemInstanceId?: string; where: string }[] }[];
    };
    expect(
      state.profiles[0]?.items.find((i) => i.itemInstanceId === item?.itemInstanceId)?.where,
    ).toBe("vault");
    const stats = (await (await fetch(url("/__sandbox/stats"))).json()) as {
      operations: Record<string, number>;
    };
    expect(stats.operations).toMatchObject({
      "OAuth.Token": 1,
      "Destiny2.GetProfile": 1,
      "Destiny2.TransferItem": 1,
    });
  });

  it("streams definition files and icons", async () => {
    const manifest = (await (
      await fetch(url("/Platform/Destiny2/Manifest/"), { headers: KEY })
    ).json()) as { Response: { jsonWorldComponentContentPaths: { en: Record<string, string> } } };
    const itemsPath =
      manifest.Response.jsonWorldComponentContentPaths.en.DestinyInventoryItemDefinition;
    // Clients prefix Bungie-style content paths with their configured origin (mount included).
    const items = await fetch(url(itemsPath ?? ""));
    expect(items.status).toBe(200);
    expect(Object.keys((await items.json()) as object).length).toBeGreaterThan(300);
    const icon = await fetch(url("/common/destiny2_content/icons/armor-5-1.png"));
    expect(icon.headers.get("content-type")).toBe("image/png");
    expect((await icon.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it("keeps a hung request open until the client times out", async () => {
    await fetch(url("/__sandbox/hang"), { method: "POST", body: JSON.stringify({ count: 1 }) });
    const started = Date.now();
    await expect(
      fetch(url("/Platform/Destiny2/Manifest/"), {
        headers: KEY,
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const after = await fetch(url("/Platform/Destiny2/Manifest/"), { headers: KEY });
    expect(after.status).toBe(200);
  });

  it("adds latency on the wire", async () => {
    await fetch(url("/__sandbox/latency"), {
      method: "POST",
      body: JSON.stringify({ fixedMs: 200 }),
    });
    const started = Date.now();
    await fetch(url("/Platform/Destiny2/Manifest/"), { headers: KEY });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await fetch(url("/__sandbox/latency"), {
      method: "POST",
      body: JSON.stringify({ fixedMs: 0 }),
    });
  });
});
