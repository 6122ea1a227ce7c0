import type { DestinyManifest } from "bungie-api-ts/destiny2";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import {
  HOSTILE_CLAN,
  HOSTILE_ITEM,
  HOSTILE_PLAYER_NAME,
  HOSTILE_VENDOR,
  HOSTILE_WEAPONS,
} from "@/sandbox/world/definitions/hostile-names";
import type { HostileNames } from "@/sandbox/world/hostile-names";
import { call, control, demo, ORIGIN, snapshot, testSandbox } from "./helpers";

type Dict = Record<string, unknown>;
type Named = { displayProperties: { name: string; description: string; subtitle?: string } };
const defs = getManifestDefinitions();
const [weaponHash, soldHash] = defs.hostile.itemHashes as [number, number];
const vendorHash = defs.hostile.vendor.hash;

async function table(sandbox: Sandbox, name: string): Promise<Record<string, Named>> {
  const manifest = (await call<DestinyManifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
    .Response as DestinyManifest;
  const path = manifest.jsonWorldComponentContentPaths.en?.[name] ?? "";
  const response = await sandbox.handle(new Request(`${ORIGIN}${path}`));
  return (await response.json()) as Record<string, Named>;
}

async function manifestVersion(sandbox: Sandbox) {
  return (await call<DestinyManifest>(sandbox, "/Platform/Destiny2/Manifest/")).body.Response
    ?.version;
}

async function clan(sandbox: Sandbox, groupId: string) {
  const group = await call<{ detail: { name: string; motto: string; about: string } }>(
    sandbox,
    `/Platform/GroupV2/${groupId}/`,
  );
  const names = new Map<string, string>();
  // 50 members a page: the clan's 60 take two.
  for (const page of [1, 2]) {
    const members = await call<{
      results: { destinyUserInfo: { membershipId: string; bungieGlobalDisplayName: string } }[];
    }>(sandbox, `/Platform/GroupV2/${groupId}/Members/?currentpage=${page}`);
    for (const { destinyUserInfo: m } of members.body.Response?.results ?? [])
      names.set(m.membershipId, m.bungieGlobalDisplayName);
  }
  return { detail: group.body.Response?.detail, names };
}

async function vendors(sandbox: Sandbox) {
  const d = await demo(sandbox);
  const base = `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/${d.titan.characterId}/Vendors/`;
  const list = await call<{
    vendors: { data: Record<string, Dict> };
    sales: { data: Record<string, { saleItems: Record<string, { itemHash: number }> }> };
  }>(sandbox, `${base}?components=400,402`, { token: d.token });
  const one = await call<{ sales: { data: Record<string, { itemHash: number }> } }>(
    sandbox,
    `${base}${vendorHash}/?components=400,402`,
    { token: d.token },
  );
  const soldBy = (hash: number) =>
    Object.entries(list.body.Response?.sales.data ?? {})
      .filter(([, s]) => Object.values(s.saleItems).some((i) => i.itemHash === hash))
      .map(([vendor]) => Number(vendor));
  return {
    listed: Object.keys(list.body.Response?.vendors.data ?? {}).map(Number),
    soldBy,
    one: one.body,
  };
}

describe("hostile names", () => {
  it("are in the manifest from the start, but nobody holds or sells them", async () => {
    const { sandbox } = testSandbox();
    const items = await table(sandbox, "DestinyInventoryItemDefinition");
    HOSTILE_WEAPONS.forEach(([[name], description], i) => {
      const def = items[String(defs.hostile.itemHashes[i])];
      expect(def?.displayProperties).toMatchObject({ name, description });
    });
    const vendor = (await table(sandbox, "DestinyVendorDefinition"))[String(vendorHash)];
    expect(vendor?.displayProperties).toMatchObject(HOSTILE_VENDOR);

    for (const user of ["demo", "rival"]) {
      const held = (await snapshot(sandbox, user)).profiles.flatMap((p) => p.items);
      expect(held.length).toBeGreaterThan(50);
      expect(held.filter((i) => i.itemHash === weaponHash || i.itemHash === soldHash)).toEqual([]);
    }
    const before = await vendors(sandbox);
    expect(before.listed.length).toBeGreaterThan(5);
    expect(before.listed).not.toContain(vendorHash);
    expect(before.soldBy(weaponHash)).toEqual([]);
    expect(before.soldBy(soldHash)).toEqual([]);
    expect(before.one.ErrorCode).toBe(1627);
  });

  it("renames the clan and a member, equips the hostile weapon, opens the hostile vendor; reset undoes it", async () => {
    const { sandbox } = testSandbox();
    const { sandbox: other } = testSandbox();
    const version = await manifestVersion(sandbox);
    const before = await snapshot(sandbox);
    const d = await demo(sandbox);

    const applied = await control<HostileNames & { ok: boolean }>(sandbox, "hostile-names", {});
    expect(applied.clan).toMatchObject(HOSTILE_CLAN);
    expect(applied.member.name).toBe(HOSTILE_PLAYER_NAME);
    expect(applied.vendor).toEqual({
      vendorHash,
      name: HOSTILE_VENDOR.name,
      itemHashes: [weaponHash, soldHash],
    });
    // Once per world: calling again changes nothing more.
    expect(await control(sandbox, "hostile-names", {})).toEqual(applied);

    const hostile = await clan(sandbox, applied.clan.groupId);
    expect(hostile.detail).toMatchObject(HOSTILE_CLAN);
    expect(hostile.names.size).toBe(60);
    expect(hostile.names.get(applied.member.membershipId)).toBe(HOSTILE_PLAYER_NAME);
    // The README's member probe is still there.
    expect([...hostile.names.values()]).toContain("<script>alert(1)</script>");

    // Every character of the demo player now has the hostile weapon equipped, in place of its
    // kinetic weapon: nothing else moved, nothing was added.
    const after = await snapshot(sandbox);
    const steam = after.profiles.find((p) => p.membershipId === d.profile.membershipId);
    for (const character of [d.titan, d.hunter, d.warlock]) {
      const item = applied.items.find((i) => i.characterId === character.characterId);
      expect(item).toMatchObject({ itemHash: weaponHash, name: HOSTILE_ITEM.name });
      expect(steam?.items.find((i) => i.itemInstanceId === item?.itemInstanceId)?.where).toBe(
        `equipped:${character.characterId}`,
      );
    }
    expect(after.profiles.map((p) => p.counts)).toEqual(before.profiles.map((p) => p.counts));
    const equipment = await call<{
      characterEquipment: { data: Record<string, { items: { itemHash: number }[] }> };
    }>(sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=205`, {
      token: d.token,
    });
    for (const { items } of Object.values(equipment.body.Response?.characterEquipment.data ?? {}))
      expect(items.map((i) => i.itemHash)).toContain(weaponHash);

    const open = await vendors(sandbox);
    expect(open.listed).toContain(vendorHash);
    expect(open.soldBy(weaponHash)).toEqual([vendorHash]);
    expect(open.soldBy(soldHash)).toEqual([vendorHash]);
    expect(open.one.ErrorCode).toBe(1);
    // Definitions never change: apps that checked the manifest earlier see the same content.
    expect(await manifestVersion(sandbox)).toBe(version);

    // Another sandbox (parallel tests) is untouched.
    const untouched = await clan(other, applied.clan.groupId);
    expect(untouched.detail?.name).toBe("Last City Wardens");
    expect(untouched.names.get(applied.member.membershipId)).not.toBe(HOSTILE_PLAYER_NAME);
    expect((await vendors(other)).listed).not.toContain(vendorHash);

    await control(sandbox, "reset", {});
    const reset = await clan(sandbox, applied.clan.groupId);
    expect(reset.detail).toMatchObject({ name: "Last City Wardens", motto: "Eyes up, Guardian." });
    expect([...reset.names.values()]).not.toContain(HOSTILE_PLAYER_NAME);
    expect(await snapshot(sandbox)).toEqual(before);
    expect((await vendors(sandbox)).listed).not.toContain(vendorHash);
  });
});
