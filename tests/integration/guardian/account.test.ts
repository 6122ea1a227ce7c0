// The account page's loader against the sandbox over real HTTP, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBungieClient, INVENTORY_COMPONENTS } from "@/lib/bungie";
import { ACCOUNT_COMPONENTS } from "@/lib/bungie/profile";
import { createCache } from "@/lib/cache/cache";
import { getGuardianContext } from "@/lib/guardian/guardian-context";
import { withPlayerToken } from "@/lib/guardian/player-token";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { ACCOUNT_CURRENCIES, CurrencyHashes } from "@/lib/destiny/game-facts";
import { loadAccountView } from "@/lib/guardian/load-account-view";
import { readProfile, setProfileCache } from "@/lib/guardian/profile-store";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  counting,
  releaseSandboxAndDatabase,
  signInPlayer,
  snapshot,
  useSandboxAndDatabase,
} from "./guardian-harness";

/** Legendary Shards: retired with The Final Shape (June 2024), so nowhere in the game now. */
const LEGENDARY_SHARDS = 1022552290;

describe.each(DATABASE_KINDS)("account page data (%s)", (kind) => {
  let server: SandboxServer;
  let database: TestDatabase;

  beforeAll(async () => {
    server = await startSandboxServer();
    database = await openTestDatabase(kind);
    useSandboxAndDatabase(server, database.db);
  });

  afterAll(async () => {
    releaseSandboxAndDatabase();
    await database?.close();
    await server?.close();
  });

  it("shows name, platforms, characters, currencies and clan with one GetProfile", async () => {
    const userId = await signInPlayer(server, database.db, "demo");
    const user = { id: userId, bungieName: "Aurora Vale#4821", image: "/img/a.png" };
    // The first load also imports the manifest: count from the second, after a fresh world.
    await loadAccountView(user);
    server.sandbox.reset();
    await signInPlayer(server, database.db, "demo");
    setProfileCache(createCache());

    const { value: view, operations } = await counting(server, () => loadAccountView(user));
    // One GetProfile; the clan came from the clan cache filled by the first load.
    expect(operations).toEqual({ "Destiny2.GetProfile": 1 });
    if (view?.kind !== "account") throw new Error(JSON.stringify(view));
    expect(view.platform).toEqual({
      membershipType: 3,
      name: "Steam",
      crossSave: true,
      linkedPlatforms: ["Steam", "PlayStation"],
    });
    expect(view.bungieName).toBe("Aurora Vale#4821");
    expect(view.avatarUrl).toMatch(/\/img\/a\.png$/);
    expect(view.clan).toEqual({ name: "Last City Wardens", callsign: "LCW", memberCount: 60 });

    const world = await snapshot(server);
    expect(view.characters.map((c) => c.characterId).sort()).toEqual(
      world.characters.map((c) => c.characterId).sort(),
    );
    expect(view.characters[0]?.className).toBe("Hunter");
    for (const c of view.characters) {
      // Edge of Fate's power: 10 to 550.
      expect(c.light).toBeGreaterThanOrEqual(10);
      expect(c.light).toBeLessThanOrEqual(550);
      expect(c.raceName).toMatch(/^(Human|Awoken|Exo)$/);
      expect(c.genderName).toMatch(/^(Male|Female)$/);
      expect(c.minutesPlayedTotal).toBeGreaterThan(0);
      expect(Date.parse(c.dateLastPlayed)).toBeLessThan(Date.now());
      expect(c.emblemUrl).toBeTruthy();
    }
    // Today's currencies (profile currencies, then the materials vendors price in); no
    // Legendary Shards since June 2024.
    expect(view.currencies.slice(0, 2).map((c) => c.itemHash)).toEqual([
      CurrencyHashes.Glimmer,
      CurrencyHashes.BrightDust,
    ]);
    const held = view.currencies.map((c) => c.itemHash);
    expect(held).not.toContain(LEGENDARY_SHARDS);
    expect(view.currencies.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Glimmer", "Bright Dust", "Enhancement Core"]),
    );
    expect(held.every((hash) => ACCOUNT_CURRENCIES.includes(hash))).toBe(true);
    expect(view.currencies.every((c) => c.name && c.quantity >= 0)).toBe(true);

    const again = await counting(server, () => loadAccountView(user));
    expect(again.calls).toBe(0);
  });

  it("asks Bungie only for the components it shows, or reuses the inventory page's profile", async () => {
    // The page players land on after signing in: reading (and reshaping) every item's instance,
    // stats and sockets of a 700-item vault for a page that shows none of them was most of a
    // sign-in's server time.
    const userId = await signInPlayer(server, database.db, "demo");
    const user = { id: userId, bungieName: null, image: null };
    const asked: string[] = [];
    const client = createBungieClient({
      origin: server.url,
      ...DEMO_BUNGIE_APP,
      fetch: (input, init) => {
        const url = new URL(String(input));
        if (url.pathname.includes("/Profile/")) asked.push(url.searchParams.get("components")!);
        return fetch(input, init);
      },
    });
    setProfileCache(createCache());
    const view = await loadAccountView(user, { client });
    if (view?.kind !== "account") throw new Error(JSON.stringify(view));
    expect(view.characters.length).toBeGreaterThan(0);
    expect(view.currencies.map((c) => c.name)).toContain("Enhancement Core");
    expect(asked).toEqual([ACCOUNT_COMPONENTS.join(",")]);

    // With the inventory page's full profile in the cache, no call at all.
    setProfileCache(createCache());
    const context = await getGuardianContext(userId);
    await readProfile(context!.account, withPlayerToken(userId), { client });
    expect(asked.at(-1)).toBe(INVENTORY_COMPONENTS.join(","));
    const reused = await counting(server, () => loadAccountView(user, { client }));
    expect(reused.calls).toBe(0);
    expect(asked).toHaveLength(2);
  });

  it("sends a player without a Destiny account away (null)", async () => {
    const userId = await signInPlayer(server, database.db, "nodestiny");
    expect(await loadAccountView({ id: userId, bungieName: null, image: null })).toBeNull();
  });
});
