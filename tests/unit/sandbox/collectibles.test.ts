import { beforeEach, describe, expect, it } from "vitest";
import { VendorHashes } from "@/lib/destiny/game-facts";
import { collectibleEntries, NOT_ACQUIRED } from "@/sandbox/world/collectibles";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { HashRegistry } from "@/sandbox/world/definitions/common";
import {
  buildItemTables,
  COLLECTIBLE_KINDS,
  ItemTableBuilder,
} from "@/sandbox/world/definitions/items";
import { buildStaticTables } from "@/sandbox/world/definitions/static-tables";
import type { VendorDefinition } from "@/sandbox/world/definitions/vendors";
import { addItem } from "@/sandbox/world/profiles";
import { vendorStock } from "@/sandbox/world/vendor-stock";
import { call, control, demo, testSandbox } from "./helpers";

const defs = getManifestDefinitions();
const items = defs.tables.DestinyInventoryItemDefinition as Record<
  string,
  { collectibleHash?: number; classType: number; itemType: number }
>;
type Dict = Record<string, unknown>;
type States = Record<string, { state: number }>;
type Collectibles = {
  profileCollectibles: { data?: { collectibles: States }; privacy: number };
  characterCollectibles: { data?: Record<string, { collectibles: States }>; privacy: number };
};

describe("collectible definitions", () => {
  it("give gear (and only gear) a collectible hash of its own, the same on every build", () => {
    // Built again from scratch, as getManifestDefinitions() does: one registry, statics first.
    const registry = new HashRegistry();
    const again = buildItemTables(
      new ItemTableBuilder(registry, buildStaticTables(registry).socketTypes),
    );
    const seen = new Set<number>();
    for (const meta of defs.meta.values()) {
      const definition = items[String(meta.hash)];
      if (COLLECTIBLE_KINDS.has(meta.kind)) {
        expect(meta.collectibleHash, meta.name).toEqual(expect.any(Number));
        expect(definition?.collectibleHash).toBe(meta.collectibleHash);
        expect(again.meta.get(meta.hash)?.collectibleHash).toBe(meta.collectibleHash);
        expect(meta.collectibleHash).not.toBe(meta.hash);
        expect(items[String(meta.collectibleHash)], "no item shares the number").toBeUndefined();
        seen.add(meta.collectibleHash!);
      } else {
        // Consumables, mods, materials, currencies, subclasses and plugs: no Collections entry.
        expect(definition?.collectibleHash, meta.name).toBeUndefined();
      }
    }
    expect(seen.size).toBe(
      [...defs.meta.values()].filter((m) => COLLECTIBLE_KINDS.has(m.kind)).length,
    );
  });
});

describe("GetProfile's collectibles (800)", () => {
  let env: ReturnType<typeof testSandbox>;
  let d: Awaited<ReturnType<typeof demo>>;
  const path = (membershipId: string) =>
    `/Platform/Destiny2/3/Profile/${membershipId}/?components=200,800`;

  beforeEach(async () => {
    env = testSandbox();
    d = await demo(env.sandbox);
  });

  async function readStates(token?: string) {
    const response = (
      await call<Collectibles>(env.sandbox, path(d.profile.membershipId), { token })
    ).body.Response!;
    return response;
  }

  it("acquire everything the player holds anywhere, never new-this-season gear, and a share of the rest", async () => {
    const response = await readStates(d.token);
    const account = response.profileCollectibles.data!.collectibles;
    const held = new Set(d.profile.items.map((i) => i.itemHash));
    // Held somewhere: in the vault, at the postmaster, in an inventory, equipped.
    const places = new Set(d.profile.items.map((i) => i.where.split(":")[0]));
    expect([...places]).toEqual(
      expect.arrayContaining(["vault", "postmaster", "inventory", "equipped"]),
    );

    let heldCount = 0;
    let onceAcquired = 0;
    let notAcquired = 0;
    for (const meta of defs.meta.values()) {
      if (meta.collectibleHash === undefined) continue;
      const key = String(meta.collectibleHash);
      // Class armour per character (each lists every class's, with the account's state).
      const classArmor = meta.kind === "armor";
      const states = classArmor
        ? d.profile.characters.map(
            (c) => response.characterCollectibles.data![c.characterId]!.collectibles[key]?.state,
          )
        : [account[key]?.state];
      expect(classArmor ? account[key] : undefined).toBeUndefined();
      expect(new Set(states).size, meta.name).toBe(1);
      const state = states[0];
      if (held.has(meta.hash)) {
        heldCount++;
        expect(state, `${meta.name} is held`).toBe(0);
      } else if (meta.newThisSeason) {
        expect(state, `${meta.name} never dropped`).toBe(NOT_ACQUIRED);
      } else if (state === 0) {
        onceAcquired++;
      } else {
        expect(state).toBe(NOT_ACQUIRED);
        notAcquired++;
      }
    }
    expect(heldCount).toBeGreaterThan(200);
    // The seeded share (30 %) of what the player no longer holds.
    const share = onceAcquired / (onceAcquired + notAcquired);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
  });

  it("are public, like Bungie's, but not on a private profile", async () => {
    const owner = await readStates(d.token);
    expect(await readStates()).toEqual(owner);
    expect(await readStates(env.sandbox.issueToken("rival").access_token)).toEqual(owner);
    expect(owner.profileCollectibles.privacy).toBe(1);

    const hidden = [...env.sandbox.state.world.profiles.values()].find(
      (p) => p.availability === "private",
    )!;
    const response = (
      await call<Collectibles>(
        env.sandbox,
        `/Platform/Destiny2/${hidden.membershipType}/Profile/${hidden.membershipId}/?components=800`,
      )
    ).body.Response!;
    expect(response.profileCollectibles).toEqual({ privacy: 2 });
    expect(response.characterCollectibles).toEqual({ privacy: 2 });
  });

  it("GetCharacter returns the character's own (class armour) collectibles", async () => {
    const profile = await readStates(d.token);
    const character = (
      await call<{ collectibles: { data: { collectibles: States } } }>(
        env.sandbox,
        `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/${d.hunter.characterId}/?components=800`,
        { token: d.token },
      )
    ).body.Response!;
    expect(character.collectibles.data.collectibles).toEqual(
      profile.characterCollectibles.data![d.hunter.characterId]!.collectibles,
    );
  });

  it("flip to acquired when the item arrives", async () => {
    const season = [...defs.meta.values()].find((m) => m.newThisSeason && m.kind === "weapon")!;
    const key = String(season.collectibleHash);
    expect((await readStates(d.token)).profileCollectibles.data!.collectibles[key]?.state).toBe(
      NOT_ACQUIRED,
    );
    const profile = env.sandbox.state.profile(d.profile.membershipId)!;
    addItem(profile, {
      itemHash: season.hash,
      itemInstanceId: "6917529999999999001",
      quantity: 1,
      place: { kind: "postmaster", characterId: d.titan.characterId },
      state: 0,
      power: 540,
    });
    env.sandbox.state.touch(profile);
    expect((await readStates(d.token)).profileCollectibles.data!.collectibles[key]?.state).toBe(0);
  });

  it("the control API tells the same states", async () => {
    const response = await readStates(d.token);
    const truth = await control<{
      profiles: {
        membershipId: string;
        collectibles: {
          collectibleHash: number;
          itemHash: number;
          scope: string;
          acquired: boolean;
        }[];
      }[];
    }>(env.sandbox, "collectibles?user=demo");
    const mine = truth.profiles.find((p) => p.membershipId === d.profile.membershipId)!;
    expect(mine.collectibles.length).toBe(
      [...defs.meta.values()].filter((m) => m.collectibleHash !== undefined).length,
    );
    for (const entry of mine.collectibles) {
      const states: Dict =
        entry.scope === "profile"
          ? response.profileCollectibles.data!.collectibles
          : response.characterCollectibles.data![d.titan.characterId]!.collectibles;
      expect(states[String(entry.collectibleHash)]).toEqual({ state: entry.acquired ? 0 : 1 });
    }
  });
});

describe("the demo player's vendors", () => {
  it("sell both owned and not-yet-owned gear every day, with a new-this-season sale at Banshee-44 and Ada-1", () => {
    const { sandbox } = testSandbox();
    const membershipId = sandbox.state.world.usersByKey.get("demo")!.primaryMembershipId!;
    const profile = sandbox.state.profile(membershipId)!;
    const acquired = new Map(
      collectibleEntries(defs, profile).map((e) => [e.itemHash, e.acquired]),
    );
    const vendors = defs.tables.DestinyVendorDefinition as Record<string, VendorDefinition>;
    const start = Date.UTC(2025, 10, 25, 18);
    // Two years of daily resets (and so of weekly ones, and of Xûr's weekends).
    for (let day = 0; day < 730; day++) {
      const now = start + day * 86_400_000;
      let owned = 0;
      let notOwned = 0;
      const hashesOf = (spec: (typeof defs.vendorSpecs)[number], classType: number) =>
        vendorStock(sandbox.state.world.seed, spec, now, classType).indexes.map(
          (i) => vendors[String(spec.hash)]!.itemList[i]!.itemHash,
        );
      for (const hash of [VendorHashes.Banshee, VendorHashes.Ada]) {
        const spec = defs.vendorSpecs.find((s) => s.hash === hash)!;
        // Every class sees one (Ada-1's armour is the character's class's).
        for (const classType of [0, 1, 2]) {
          const featured = hashesOf(spec, classType).filter((h) => defs.meta.get(h)?.newThisSeason);
          expect(featured).toHaveLength(1);
          const itemClass = defs.meta.get(featured[0]!)!.classType;
          expect([3, classType]).toContain(itemClass);
        }
      }
      // The Titan's vendors.
      for (const spec of defs.vendorSpecs) {
        const stock = vendorStock(sandbox.state.world.seed, spec, now, 0);
        if (!stock.present) continue;
        const hashes = hashesOf(spec, 0);
        for (const hash of hashes) {
          const state = acquired.get(hash);
          if (state === true) owned++;
          if (state === false) notOwned++;
        }
      }
      expect(owned, new Date(now).toISOString()).toBeGreaterThan(0);
      expect(notOwned, new Date(now).toISOString()).toBeGreaterThanOrEqual(2);
    }
  });
});
