import { describe, expect, it } from "vitest";
import {
  ARMOR_BUCKETS,
  BucketHashes,
  CHARACTER_BUCKET_CAPACITY,
  EQUIPPABLE_BUCKETS,
  WEAPON_BUCKETS,
} from "@/lib/destiny/buckets";
import { createSandbox } from "@/sandbox";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { createPrng } from "@/sandbox/world/prng";
import { createWorld } from "@/sandbox/world/seed-world";
import type { World } from "@/sandbox/world/types";
import { control, snapshot } from "./helpers";

const NOW = Date.UTC(2025, 10, 25, 12, 0, 0);
const defs = getManifestDefinitions();

function fingerprint(world: World): string {
  return JSON.stringify(
    [...world.profiles.values()].map((p) => [
      p.membershipId,
      p.characters,
      p.items.map((i) => [
        i.itemInstanceId,
        i.itemHash,
        i.quantity,
        i.place,
        i.state,
        i.power,
        i.gearTier,
        i.plugs,
      ]),
    ]),
  );
}

describe("seeded world", () => {
  it("uses a deterministic PRNG", () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createPrng(43).next()).not.toBe(seqA[0]);
    expect(a.fork("x").next()).toBe(createPrng(42).fork("x").next());
  });

  it("builds the same world from the same seed and clock, and a different one from another seed", () => {
    const one = createWorld({ seed: 7, now: NOW });
    const two = createWorld({ seed: 7, now: NOW });
    expect(fingerprint(two)).toBe(fingerprint(one));
    expect(fingerprint(createWorld({ seed: 8, now: NOW }))).not.toBe(fingerprint(one));
  });

  it("is deterministic through the API too (control snapshot)", async () => {
    const a = createSandbox({ seed: 99, now: () => NOW });
    const b = createSandbox({ seed: 99, now: () => NOW });
    expect(await snapshot(b)).toEqual(await snapshot(a));
    await control(b, "reset", { seed: 100 });
    expect(await snapshot(b)).not.toEqual(await snapshot(a));
  });

  it("builds the whole world well under a second", () => {
    getManifestDefinitions();
    const started = performance.now();
    createWorld({ seed: 1, now: NOW, fullVault: true });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("gives the demo player fully equipped characters with the promised shape", () => {
    const world = createWorld({ now: NOW });
    const demo = world.usersByKey.get("demo");
    const profile = world.profiles.get(demo?.primaryMembershipId ?? "");
    if (!profile) throw new Error("no demo profile");
    expect(profile.characters.map((c) => c.classType)).toEqual([0, 1, 2]);
    expect(new Set(profile.characters.map((c) => c.raceType)).size).toBe(3);
    const meta = (hash: number) => defs.meta.get(hash);
    for (const character of profile.characters) {
      const mine = profile.items.filter(
        (i) => "characterId" in i.place && i.place.characterId === character.characterId,
      );
      const equipped = mine.filter((i) => i.place.kind === "equipped");
      expect(equipped.map((i) => meta(i.itemHash)?.bucketHash).sort()).toEqual(
        [...EQUIPPABLE_BUCKETS].sort(),
      );
      expect(
        equipped.filter((i) => meta(i.itemHash)?.kind === "weapon" && meta(i.itemHash)?.exotic),
      ).toHaveLength(1);
      expect(
        equipped.filter((i) => meta(i.itemHash)?.kind === "armor" && meta(i.itemHash)?.exotic)
          .length,
      ).toBeLessThanOrEqual(1);
      for (const item of equipped.filter((i) => meta(i.itemHash)?.kind === "armor"))
        expect(meta(item.itemHash)?.classType).toBe(character.classType);
      for (const bucket of [...WEAPON_BUCKETS, ...ARMOR_BUCKETS]) {
        const count = mine.filter(
          (i) => i.place.kind === "inventory" && meta(i.itemHash)?.bucketHash === bucket,
        ).length;
        expect(count).toBeGreaterThanOrEqual(7);
        expect(count).toBeLessThanOrEqual(CHARACTER_BUCKET_CAPACITY);
      }
    }
    const postmaster = profile.characters.map(
      (c) =>
        profile.items.filter(
          (i) => i.place.kind === "postmaster" && i.place.characterId === c.characterId,
        ).length,
    );
    expect(postmaster).toEqual([17, 2, 0]);
    expect(profile.items.filter((i) => i.place.kind === "vault")).toHaveLength(450);
    expect(
      profile.items.some((i) => i.place.kind === "vault" && i.itemInstanceId === undefined),
    ).toBe(true);
    expect(profile.items.some((i) => i.place.kind === "inventory" && (i.state & 1) === 1)).toBe(
      true,
    );
    expect(profile.items.some((i) => (i.state & 4) === 4)).toBe(true);
    const kinetic = profile.items.filter(
      (i) =>
        i.place.kind === "inventory" &&
        i.place.characterId === profile.characters[0]?.characterId &&
        meta(i.itemHash)?.bucketHash === BucketHashes.KineticWeapons,
    );
    expect(kinetic).toHaveLength(9);
    const currencies = profile.items
      .filter((i) => i.place.kind === "currency")
      .map((i) => meta(i.itemHash)?.name);
    // Today's currencies; Legendary Shards were retired in June 2024.
    expect(currencies).not.toContain("Legendary Shards");
    expect(currencies).toEqual(expect.arrayContaining(["Glimmer", "Bright Dust", "Silver"]));
    // Instance ids look like Bungie's and are unique.
    const ids = profile.items.flatMap((i) => (i.itemInstanceId ? [i.itemInstanceId] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^6917529\d{12}$/);
  });

  it("fills the vault to 700 with fullVault", () => {
    const world = createWorld({ now: NOW, fullVault: true });
    const profile = world.profiles.get(world.usersByKey.get("demo")?.primaryMembershipId ?? "");
    expect(profile?.items.filter((i) => i.place.kind === "vault")).toHaveLength(700);
  });

  it("has Edge of Fate's power (10 to 550) and gear tiers 1-5 on weapons and armour", () => {
    const world = createWorld({ now: NOW, fullVault: true });
    const profile = world.profiles.get(world.usersByKey.get("demo")?.primaryMembershipId ?? "")!;
    const gear = profile.items.filter((i) => {
      const kind = defs.meta.get(i.itemHash)?.kind;
      return kind === "weapon" || kind === "armor";
    });
    const powers = gear.map((i) => i.power ?? -1);
    expect(Math.min(...powers)).toBe(10);
    expect(Math.max(...powers)).toBeGreaterThan(500);
    expect(Math.max(...powers)).toBeLessThanOrEqual(550);
    const tiers = new Set(gear.map((i) => i.gearTier));
    expect(tiers).toEqual(new Set([undefined, 1, 2, 3, 4, 5]));
    // Gear from before Edge of Fate: power 10, no tier; never equipped in the demo's world.
    const legacy = gear.filter((i) => i.gearTier === undefined);
    expect(legacy.length).toBeGreaterThan(100);
    expect(legacy.every((i) => i.power === 10)).toBe(true);
    expect(legacy.some((i) => i.place.kind === "equipped")).toBe(false);
    // Tier 5 only near the seasonal cap.
    expect(gear.filter((i) => i.gearTier === 5).every((i) => (i.power ?? 0) >= 450)).toBe(true);
    // Nothing else has a tier.
    const others = profile.items.filter((i) => !gear.includes(i));
    expect(others.every((i) => i.gearTier === undefined)).toBe(true);
    // The characters: one near the cap, one below the soft cap.
    const light = (id: string) => {
      const worn = gear.filter((i) => i.place.kind === "equipped" && i.place.characterId === id);
      return Math.floor(worn.reduce((n, i) => n + (i.power ?? 0), 0) / 8);
    };
    const lights = profile.characters.map((c) => light(c.characterId));
    expect(Math.max(...lights)).toBeGreaterThan(500);
    expect(Math.min(...lights)).toBeLessThan(200);
  });

  it("has a 60-member clan with the demo player, a founder, private and broken profiles", () => {
    const world = createWorld({ now: NOW });
    const clan = world.clans[0];
    expect(clan?.members).toHaveLength(60);
    expect(clan?.members.filter((m) => m.memberType === 5)).toHaveLength(1);
    const demoId = world.usersByKey.get("demo")?.primaryMembershipId;
    expect(clan?.members.find((m) => m.membershipId === demoId)?.memberType).toBe(3);
    const profiles = clan?.members.map((m) => world.profiles.get(m.membershipId)) ?? [];
    expect(profiles.filter((p) => p?.availability === "private").length).toBeGreaterThan(0);
    expect(profiles.filter((p) => p?.availability === "missing").length).toBeGreaterThan(0);
    expect(new Set(profiles.map((p) => p?.membershipType)).size).toBeGreaterThanOrEqual(3);
    expect(profiles.some((p) => p?.bungieGlobalDisplayName === "<script>alert(1)</script>")).toBe(
      true,
    );
    for (const p of profiles) {
      expect(p?.characters.length).toBeGreaterThanOrEqual(1);
      expect(p?.characters.length).toBeLessThanOrEqual(3);
    }
  });
});
