// The account page's loader against the sandbox over real HTTP, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import { ACCOUNT_CURRENCIES, CurrencyHashes } from "@/lib/destiny/game-facts";
import { loadAccountView } from "@/lib/guardian/load-account-view";
import { setProfileCache } from "@/lib/guardian/profile-store";
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

  it("sends a player without a Destiny account away (null)", async () => {
    const userId = await signInPlayer(server, database.db, "nodestiny");
    expect(await loadAccountView({ id: userId, bungieName: null, image: null })).toBeNull();
  });
});
