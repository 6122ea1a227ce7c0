// A demo that is safe to put on the internet (issue 13 item 5), in the sandbox: private copies
// of the demo accounts per visitor, a control API that a public mount does not serve, no CORS
// on what hands out tokens, and no request that makes the sandbox keep data without bound.
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/sandbox/http/body";
import { call, control, ORIGIN, testSandbox, type Snapshot } from "./helpers";

type Env = ReturnType<typeof testSandbox>;
const CLIENT = { client_id: "sandbox-client", client_secret: "sandbox-secret" };
const HOUR = 3_600_000;

/**
 * A browser: its cookie jar holds what the sandbox set (the visitor handle); `network` is the
 * X-Forwarded-For the host in front of the app adds (none: a direct, unlimited request).
 */
type Browser = { cookie?: string; network?: string };

/** Signs in through the consent page as `account`, as `browser`: the Bungie.net id and tokens. */
async function signIn(env: Env, browser: Browser, account = "demo") {
  const response = await env.sandbox.handle(
    new Request(`${ORIGIN}/en/OAuth/Authorize`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(browser.cookie ? { cookie: browser.cookie } : {}),
        ...(browser.network ? { "x-forwarded-for": browser.network } : {}),
      },
      body: new URLSearchParams({
        client_id: "sandbox-client",
        response_type: "code",
        state: "s",
        account,
        decision: "approve",
      }).toString(),
    }),
  );
  if (response.status !== 302) return { status: response.status, html: await response.text() };
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) browser.cookie = setCookie.split(";")[0];
  const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
  const tokens = await tokenCall(env, { grant_type: "authorization_code", code });
  return {
    status: 302,
    setCookie,
    bnetId: String(tokens.body.membership_id),
    accessToken: String(tokens.body.access_token),
    refreshToken: String(tokens.body.refresh_token),
  };
}

async function tokenCall(env: Env, fields: Record<string, string>) {
  const response = await env.sandbox.handle(
    new Request(`${ORIGIN}/Platform/App/OAuth/token/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, ...CLIENT }).toString(),
    }),
  );
  return { response, body: (await response.json()) as Record<string, unknown> };
}

type Signed = {
  status: number;
  setCookie: string | null;
  bnetId: string;
  accessToken: string;
  refreshToken: string;
};
function signed(result: Awaited<ReturnType<typeof signIn>>): Signed {
  if (result.bnetId === undefined) throw new Error(`sign-in failed: ${result.status}`);
  return result as Signed;
}

async function memberships(env: Env, token: string) {
  const { body } = await call<{
    destinyMemberships: { membershipId: string; membershipType: number }[];
    primaryMembershipId?: string;
    bungieNetUser: { membershipId: string; uniqueName: string };
  }>(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", { token });
  return body.Response!;
}

/** The items of a snapshot without the ids that differ between copies. */
function content(snapshot: Snapshot) {
  return snapshot.profiles.map((p) => ({
    membershipType: p.membershipType,
    characters: p.characters,
    counts: p.counts,
    stackTotals: p.stackTotals,
    items: p.items,
  }));
}

describe("demo copies", () => {
  it("gives each visitor their own copy: new ids, the same world, changes kept apart", async () => {
    const env = testSandbox({ demoCopies: true });
    const template = await control<Snapshot & { bungieNetMembershipId: string }>(
      env.sandbox,
      "state?user=demo",
    );
    const a = signed(await signIn(env, {}));
    const b = signed(await signIn(env, {}));
    expect(new Set([a.bnetId, b.bnetId, template.bungieNetMembershipId]).size).toBe(3);
    expect(a.setCookie).toMatch(
      /^bungie_sandbox_visitor=[\w-]{43}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax$/,
    );

    const ma = await memberships(env, a.accessToken);
    const mb = await memberships(env, b.accessToken);
    expect(ma.bungieNetUser.uniqueName).toBe("Aurora Vale#4821");
    expect(mb.bungieNetUser.uniqueName).toBe("Aurora Vale#4821");
    const ids = (m: typeof ma) => m.destinyMemberships.map((d) => d.membershipId);
    const templateIds = template.profiles.map((p) => p.membershipId);
    expect(ids(ma)).not.toEqual(ids(mb));
    for (const id of [...ids(ma), ...ids(mb)]) expect(templateIds).not.toContain(id);
    expect(ma.primaryMembershipId).toBe(ids(ma)[0]);

    const copyA = await control<Snapshot>(env.sandbox, `state?user=${a.bnetId}`);
    const copyB = await control<Snapshot>(env.sandbox, `state?user=${b.bnetId}`);
    expect(content(copyA)).toEqual(content(template));
    expect(content(copyB)).toEqual(content(template));

    // Visitor A moves a weapon to the vault: B's copy and the template do not change.
    const steam = copyA.profiles.find((p) => p.membershipType === 3)!;
    const titan = steam.characters[0]!;
    // A kinetic weapon in the Titan's inventory.
    const weapon = steam.items.find(
      (i) => i.where === `inventory:${titan.characterId}` && i.bucketHash === 1498876634,
    )!;
    const moved = await call(env.sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token: a.accessToken,
      body: {
        itemReferenceHash: weapon.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: weapon.itemInstanceId,
        characterId: titan.characterId,
        membershipType: 3,
      },
    });
    expect(moved.body.ErrorCode).toBe(1);
    const whereIn = async (user: string) =>
      (await control<Snapshot>(env.sandbox, `state?user=${user}`)).profiles
        .find((p) => p.membershipType === 3)!
        .items.find((i) => i.itemInstanceId === weapon.itemInstanceId)!.where;
    expect(await whereIn(a.bnetId)).toBe("vault");
    expect(await whereIn(b.bnetId)).toBe(`inventory:${titan.characterId}`);
    expect(await whereIn("original:demo")).toBe(`inventory:${titan.characterId}`);

    // B cannot act on A's copy: B's token only reaches B's profiles.
    const forged = await call(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${ids(ma)[0]}/?components=102`,
      {
        token: b.accessToken,
      },
    );
    expect(JSON.stringify(forged.body.Response)).not.toContain(weapon.itemInstanceId!);
  });

  it("gives a returning browser its copy back, and every copy its own clan", async () => {
    const env = testSandbox({ demoCopies: true });
    const browser: Browser = {};
    const first = signed(await signIn(env, browser));
    const again = signed(await signIn(env, browser));
    expect(again.bnetId).toBe(first.bnetId);
    const rival = signed(await signIn(env, browser, "rival"));
    expect(rival.bnetId).not.toBe(first.bnetId);
    expect(signed(await signIn(env, browser, "rival")).bnetId).toBe(rival.bnetId);
    // Another browser is another visitor; a forged handle is nobody.
    expect(signed(await signIn(env, {})).bnetId).not.toBe(first.bnetId);
    expect(signed(await signIn(env, { cookie: "bungie_sandbox_visitor=guess" })).bnetId).not.toBe(
      first.bnetId,
    );

    const steam = (await memberships(env, first.accessToken)).destinyMemberships.find(
      (d) => d.membershipType === 3,
    )!;
    const groups = await call<{
      results: { group: { groupId: string; name: string }; member: { memberType: number } }[];
    }>(env.sandbox, `/Platform/GroupV2/User/3/${steam.membershipId}/0/1/`);
    const [clan] = groups.body.Response!.results;
    expect(clan!.group.name).toBe("Last City Wardens");
    expect(clan!.member.memberType).toBe(3);
    const members = await call<{
      results: { destinyUserInfo?: { membershipId: string } }[];
      totalResults: number;
    }>(env.sandbox, `/Platform/GroupV2/${clan!.group.groupId}/Members/?currentpage=1`);
    const roster = members.body.Response!;
    const listed = roster.results.map((m) => m.destinyUserInfo?.membershipId);
    const page2 = await call<{ results: { destinyUserInfo?: { membershipId: string } }[] }>(
      env.sandbox,
      `/Platform/GroupV2/${clan!.group.groupId}/Members/?currentpage=2`,
    );
    listed.push(...page2.body.Response!.results.map((m) => m.destinyUserInfo?.membershipId));
    expect(listed).toContain(steam.membershipId);
    const template = await control<Snapshot>(env.sandbox, "state?user=original:demo");
    for (const p of template.profiles) expect(listed).not.toContain(p.membershipId);
    // Other members see only the original clan, not every visitor's copy of it.
    const other = listed.find((id) => id && id !== steam.membershipId)!;
    const theirs = await call<{ results: unknown[] }>(
      env.sandbox,
      `/Platform/GroupV2/User/-1/${other}/0/1/`,
    );
    expect(theirs.body.Response!.results).toHaveLength(1);
  });

  it("deletes a copy unused for a day, with its tokens", async () => {
    const env = testSandbox({ demoCopies: true });
    const a = signed(await signIn(env, {}));
    env.clock.now += 23 * HOUR;
    const used = await tokenCall(env, {
      grant_type: "refresh_token",
      refresh_token: a.refreshToken,
    });
    expect(used.response.status).toBe(200);
    // Used 23 hours in: it lives until a day after that.
    env.clock.now += 23 * HOUR;
    const refreshed = await tokenCall(env, {
      grant_type: "refresh_token",
      refresh_token: String(used.body.refresh_token),
    });
    expect(refreshed.response.status).toBe(200);
    env.clock.now += 24 * HOUR;
    const late = await tokenCall(env, {
      grant_type: "refresh_token",
      refresh_token: String(refreshed.body.refresh_token),
    });
    expect(late.body.error).toBe("invalid_grant");
    const gone = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
      token: String(refreshed.body.access_token),
    });
    expect(gone.body.ErrorCode).toBe(99);
    expect((await control<{ copies: unknown[] }>(env.sandbox, "copies")).copies).toHaveLength(0);
    expect(
      (await call(env.sandbox, `/Platform/User/GetBungieNetUserById/${a.bnetId}/`)).body.ErrorCode,
    ).toBe(205);
  });

  it("keeps at most `max` copies: recycles the oldest idle one, refuses when all are busy", async () => {
    const env = testSandbox({ demoCopies: { max: 3, recycleAfterMs: 10 * 60_000 } });
    const first = signed(await signIn(env, {}));
    env.clock.now += 60_000;
    await signIn(env, {});
    await signIn(env, {});
    // All three were used within ten minutes: a fourth visitor waits.
    const refused = await signIn(env, {});
    expect(refused.status).toBe(503);
    expect("html" in refused && refused.html).toContain("The demo is full");
    // Ten minutes on, the oldest is idle enough to be recycled, and its tokens die with it.
    env.clock.now += 10 * 60_000;
    const fourth = signed(await signIn(env, {}));
    const copies = await control<{ copies: { membershipId: string }[] }>(env.sandbox, "copies");
    expect(copies.copies).toHaveLength(3);
    expect(copies.copies.map((c) => c.membershipId)).toContain(fourth.bnetId);
    expect(copies.copies.map((c) => c.membershipId)).not.toContain(first.bnetId);
    const dead = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
      token: first.accessToken,
    });
    expect(dead.body.ErrorCode).toBe(99);
  });

  it("lets one network make only `perNetwork` new copies an hour; its browsers keep theirs", async () => {
    const env = testSandbox({ demoCopies: { perNetwork: 3 } });
    const home = "198.51.100.20";
    const browsers = [{ network: home }, { network: home }, { network: home }];
    for (const browser of browsers) {
      signed(await signIn(env, browser));
      env.clock.now += 10 * 60_000;
    }
    // A script without cookies (the client's own X-Forwarded-For comes first, the proxy's last).
    const refused = await signIn(env, { network: `10.0.0.1, ${home}` });
    expect(refused.status).toBe(429);
    expect("html" in refused && refused.html).toContain("Too many new demo accounts");
    // A browser that has a copy gets it back; a new account for it is a new copy: refused.
    expect(signed(await signIn(env, browsers[0]!)).status).toBe(302);
    expect((await signIn(env, browsers[0]!, "rival")).status).toBe(429);
    // Other networks, and requests from the loopback (the app's tests), are not held back.
    signed(await signIn(env, { network: "203.0.113.9" }));
    signed(await signIn(env, { network: "::1" }));
    signed(await signIn(env, {}));
    // An hour after its first copy, the network may make one again (one: the others are younger).
    env.clock.now += 30 * 60_000;
    signed(await signIn(env, { network: home }));
    expect((await signIn(env, { network: home })).status).toBe(429);
  });

  it("says when a refused network may try again", async () => {
    const env = testSandbox({ demoCopies: { perNetwork: 1 } });
    signed(await signIn(env, { network: "2001:db8:1:2::10" }));
    env.clock.now += 15 * 60_000;
    // The same /64: one home, one phone.
    const response = await env.sandbox.handle(
      new Request(`${ORIGIN}/en/OAuth/Authorize`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": "2001:db8:1:2:abcd::99",
        },
        body: new URLSearchParams({
          client_id: "sandbox-client",
          response_type: "code",
          state: "s",
          account: "demo",
          decision: "approve",
        }).toString(),
      }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(String(45 * 60));
  });

  it("lets tests reach the copy they signed in to through the control API", async () => {
    const env = testSandbox({ demoCopies: true });
    const template = await control<{ bungieNetMembershipId: string }>(
      env.sandbox,
      "state?user=demo",
    );
    const a = signed(await signIn(env, {}));
    expect(
      (await control<{ bungieNetMembershipId: string }>(env.sandbox, "state?user=demo"))
        .bungieNetMembershipId,
    ).toBe(a.bnetId);
    const b = signed(await signIn(env, {}));
    expect(
      (await control<{ bungieNetMembershipId: string }>(env.sandbox, "state?user=demo"))
        .bungieNetMembershipId,
    ).toBe(b.bnetId);
    expect(
      (await control<{ bungieNetMembershipId: string }>(env.sandbox, "state?user=original:demo"))
        .bungieNetMembershipId,
    ).toBe(template.bungieNetMembershipId);
    const { users } = await control<{
      users: { key: string; membershipId: string; copyOf?: string }[];
    }>(env.sandbox, "users");
    expect(users.find((u) => u.key === "demo")).toMatchObject({
      membershipId: b.bnetId,
      copyOf: "demo",
    });
    expect(users.find((u) => u.key === "rival")?.copyOf).toBeUndefined();
    // The tokens control names the copy too.
    await control(env.sandbox, "tokens/revoke", { user: "demo" });
    expect((await memberships(env, a.accessToken)).bungieNetUser.membershipId).toBe(a.bnetId);
    const revoked = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
      token: b.accessToken,
    });
    expect(revoked.body.ErrorCode).toBe(99);
    // A reset forgets every copy.
    await control(env.sandbox, "reset", {});
    expect((await control<{ copies: unknown[] }>(env.sandbox, "copies")).copies).toHaveLength(0);
  });

  it("never gives a copy made after a reset or restart an earlier copy's Bungie.net id", async () => {
    // The app keeps users by Bungie.net id in a database that outlives the sandbox's world.
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const env = testSandbox({ demoCopies: true });
      for (let i = 0; i < 3; i++) {
        const { bnetId } = signed(await signIn(env, {}));
        expect(bnetId).toMatch(/^\d{15}$/);
        expect(seen.has(bnetId)).toBe(false);
        seen.add(bnetId);
      }
      await control(env.sandbox, "reset", {});
      const { bnetId } = signed(await signIn(env, {}));
      expect(seen.has(bnetId)).toBe(false);
      seen.add(bnetId);
    }
  });

  it("copies nothing without the option, and never the generated load-test players", async () => {
    const plain = testSandbox();
    const template = await control<{ bungieNetMembershipId: string }>(
      plain.sandbox,
      "state?user=demo",
    );
    expect(signed(await signIn(plain, {})).bnetId).toBe(template.bungieNetMembershipId);

    const env = testSandbox({ demoCopies: true });
    await control(env.sandbox, "players", { count: 2 });
    const load = await control<{ bungieNetMembershipId: string }>(env.sandbox, "state?user=load-2");
    const signedIn = signed(await signIn(env, {}, "load-2"));
    expect(signedIn.bnetId).toBe(load.bungieNetMembershipId);
    expect(signedIn.setCookie).toBeNull();
  });
});

describe("a public mount", () => {
  const controlPaths = [
    "/__sandbox/tokens?user=demo",
    "/__sandbox/users",
    "/__sandbox/stats",
    "/__sandbox/config",
    "/__sandbox",
    "/__SANDBOX/state?user=demo",
  ];

  it("answers 404 to every control path without the control option", async () => {
    const env = testSandbox({ control: false, basePath: "/sandbox" });
    for (const path of controlPaths) {
      for (const method of ["GET", "POST"]) {
        const response = await env.sandbox.handle(
          new Request(`${ORIGIN}/sandbox${path}`, {
            method,
            body: method === "POST" ? JSON.stringify({ user: "demo" }) : undefined,
          }),
        );
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(await response.text()).toBe("Not Found");
      }
    }
    for (const path of [
      "reset",
      "maintenance",
      "hang",
      "tokens/revoke",
      "clock",
      "manifest",
      "token",
    ]) {
      const response = await env.sandbox.handle(
        new Request(`${ORIGIN}/sandbox/__sandbox/${path}`, { method: "POST", body: "{}" }),
      );
      expect(response.status, path).toBe(404);
    }
    // The landing page links to no control path either.
    const landing = await (await env.sandbox.handle(new Request(`${ORIGIN}/sandbox/`))).text();
    expect(landing).not.toContain("__sandbox");
    // The standalone default keeps it.
    const standalone = testSandbox();
    expect((await standalone.sandbox.handle(new Request(`${ORIGIN}/__sandbox/users`))).status).toBe(
      200,
    );
  });

  it("sends no Access-Control-Allow-Origin with tokens, and keeps it on the Platform API", async () => {
    const env = testSandbox();
    const code = new URL(
      (
        await env.sandbox.handle(
          new Request(`${ORIGIN}/en/OAuth/Authorize`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "client_id=sandbox-client&response_type=code&state=s&account=demo&decision=approve",
          }),
        )
      ).headers.get("location")!,
    ).searchParams.get("code")!;
    const tokens = await tokenCall(env, { grant_type: "authorization_code", code });
    expect(tokens.response.status).toBe(200);
    expect(tokens.response.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await env.sandbox.handle(
      new Request(`${ORIGIN}/Platform/App/OAuth/token/`, {
        method: "OPTIONS",
        headers: { origin: "https://evil.test", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    for (const path of ["/__sandbox/tokens?user=demo", "/__sandbox/users"]) {
      const response = await env.sandbox.handle(new Request(`${ORIGIN}${path}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
    }
    const token = await env.sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/token`, { method: "POST", body: "{}" }),
    );
    expect(token.headers.get("access-control-allow-origin")).toBeNull();
    const platform = await call(env.sandbox, "/Platform/Destiny2/Manifest/");
    expect(platform.response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("nothing grows without bound", () => {
  it("caps every size, count and duration the control API takes", async () => {
    const env = testSandbox();
    const post = (path: string, body: unknown) =>
      env.sandbox.handle(
        new Request(`${ORIGIN}/__sandbox/${path}`, { method: "POST", body: JSON.stringify(body) }),
      );
    for (const [path, body] of [
      ["manifest", { largeItemTableMb: 100_000 }],
      ["manifest", { largeItemTableMb: 1.5 }],
      ["latency", { fixedMs: 1e9 }],
      ["hang", { count: 1e9 }],
      ["hang", { maxMs: 1e12 }],
      ["throttle", { count: 1e12 }],
      ["error-rate", { rate: 0.5, status: 200 }],
      ["config", { accessTokenTtlSeconds: 1e12 }],
      ["clock", { offsetMs: 1e15 }],
      ["clock", { now: "9999-01-01T00:00:00Z" }],
      ["reset", { seed: 2 ** 40 }],
      ["players", { count: 501 }],
    ] as const) {
      const response = await post(path, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
    expect((await post("latency", { fixedMs: 5 })).status).toBe(200);
  });

  it("refuses request bodies past 64 KB, on every endpoint that reads one", async () => {
    const env = testSandbox();
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    for (const path of [
      "/__sandbox/latency",
      "/en/OAuth/Authorize",
      "/Platform/App/OAuth/token/",
    ]) {
      const response = await env.sandbox.handle(
        new Request(`${ORIGIN}${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: big,
        }),
      );
      expect(response.status, path).toBe(413);
    }
    const action = await call(env.sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token: env.sandbox.issueToken("demo").access_token,
      body: { padding: big },
    });
    expect(action.body.ErrorCode).toBe(18);
  });

  it("remembers a bounded number of tokens, however often a visitor signs in", async () => {
    const env = testSandbox({ demoCopies: true });
    const browser: Browser = {};
    let last: Signed | undefined;
    for (let i = 0; i < 200; i++) {
      last = signed(await signIn(env, browser));
      env.clock.now += 1_000;
    }
    expect(env.sandbox.state.tokens.size).toBeLessThanOrEqual(2 * 25 + 1);
    // The newest sign-in works; the oldest grants were let go.
    expect((await memberships(env, last!.accessToken)).bungieNetUser.membershipId).toBe(
      last!.bnetId,
    );
  });
});
