// Every getter against the sandbox over real HTTP, each result through its reshape.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  equipItem,
  equipItems,
  pullFromPostmaster,
  setItemLockState,
  transferItem,
  type ItemActionContext,
} from "@/lib/bungie/actions";
import { getGroup, getGroupsForMember, getMembersOfGroup } from "@/lib/bungie/groups";
import type { BungieClient } from "@/lib/bungie/http";
import { fetchContent, getDestinyManifest } from "@/lib/bungie/manifest";
import { getCharacter, getItem, getProfile } from "@/lib/bungie/profile";
import { reshapeEquipResults } from "@/lib/bungie/reshape/equip";
import {
  reshapeGroup,
  reshapeGroupMember,
  reshapeGroupsForMember,
} from "@/lib/bungie/reshape/groups";
import { pickPrimaryMembership, reshapeMemberships } from "@/lib/bungie/reshape/memberships";
import {
  reshapeCharacterResponse,
  reshapeItemResponse,
  reshapeProfile,
} from "@/lib/bungie/reshape/profile";
import { reshapePublicVendors, reshapeVendor, reshapeVendors } from "@/lib/bungie/reshape/vendors";
import type { DestinyProfile, InventoryItem } from "@/lib/bungie/types";
import { getMembershipsForCurrentUser } from "@/lib/bungie/user";
import { getPublicVendors, getVendor, getVendors } from "@/lib/bungie/vendors";
import { BucketHashes, isEquippableBucket } from "@/lib/destiny/buckets";
import { demoPlayer, startHarness, type DemoPlayer, type Harness } from "./sandbox-harness";

let harness: Harness;
let client: BungieClient;
let demo: DemoPlayer;
let accessToken: string;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client().client;
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.control("reset");
  demo = await demoPlayer(harness);
  accessToken = (await harness.token()).access_token;
});

const own = () => ({
  membershipType: demo.membershipType,
  membershipId: demo.membershipId,
  accessToken,
});
const loadProfile = async () => reshapeProfile(await getProfile(own(), { client }));
const context = (characterId: string): ItemActionContext => ({
  accessToken,
  bungieMembershipId: demo.bungieMembershipId,
  membershipType: demo.membershipType,
  characterId,
});

describe("users and profiles", () => {
  it("getMembershipsForCurrentUser → the signed-in player's memberships", async () => {
    const memberships = reshapeMemberships(
      await getMembershipsForCurrentUser(accessToken, { client }),
    );
    expect(memberships.bungieNetUser.membershipId).toBe(demo.bungieMembershipId);
    expect(memberships.bungieNetUser.bungieName).toMatch(/^.+#\d{4}$/);
    expect(memberships.primaryMembershipId).toBe(demo.membershipId);
    expect(pickPrimaryMembership(memberships)?.membershipId).toBe(demo.membershipId);
    expect(memberships.destinyMemberships.filter((m) => m.isPrimary)).toHaveLength(1);
  });

  it("getProfile with the owner's token → characters, every location, currencies, nothing private", async () => {
    const profile = await loadProfile();
    expect(profile.profile?.membershipId).toBe(demo.membershipId);
    expect([...profile.characters.map((c) => c.characterId)].sort()).toEqual(
      [...demo.characterIds].sort(),
    );
    expect(profile.privateComponents).toEqual([]);
    const locations = new Set(profile.items.map((i) => i.location));
    for (const location of ["equipped", "inventory", "vault"])
      expect(locations).toContain(location);
    expect(
      profile.items.filter((i) => i.location === "vault").every((i) => i.ownerCharacterId === null),
    ).toBe(true);
    const equipped = profile.items.filter((i) => i.location === "equipped");
    expect(equipped.every((i) => i.isEquipped && i.itemInstanceId !== null)).toBe(true);
    expect(
      equipped.some((i) => i.power !== null && i.stats.length > 0 && i.sockets.length > 0),
    ).toBe(true);
    expect(profile.currencies.length).toBeGreaterThan(0);
    expect(profile.characters.every((c) => c.inActivity === false)).toBe(true);
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });

  it("getProfile as somebody else → private components marked, no crash", async () => {
    const rival = (await harness.token("rival")).access_token;
    const profile = reshapeProfile(await getProfile({ ...own(), accessToken: rival }, { client }));
    expect(profile.privateComponents).toContain("profileInventory");
    expect(profile.items.some((i) => i.location === "vault")).toBe(false);
    expect(profile.characters.length).toBeGreaterThan(0);
  });

  it("getCharacter and getItem → one character, one item", async () => {
    const profile = await loadProfile();
    const characterId = demo.characterIds[0]!;
    const character = reshapeCharacterResponse(
      await getCharacter({ ...own(), characterId }, { client }),
      characterId,
    );
    expect(character.character?.characterId).toBe(characterId);
    expect(character.items.length).toBe(
      profile.items.filter((i) => i.ownerCharacterId === characterId).length,
    );
    const weapon = profile.items.find(
      (i) => i.location === "equipped" && i.ownerCharacterId === characterId && i.power !== null,
    )!;
    const item = reshapeItemResponse(
      await getItem({ ...own(), itemInstanceId: weapon.itemInstanceId! }, { client }),
    );
    expect(item).toMatchObject({
      itemInstanceId: weapon.itemInstanceId,
      itemHash: weapon.itemHash,
      location: "equipped",
      ownerCharacterId: characterId,
      power: weapon.power,
    });
  });
});

describe("manifest", () => {
  it("getDestinyManifest and fetchContent → a definitions table, no API key needed", async () => {
    const manifest = await getDestinyManifest({ client });
    expect(typeof manifest.version).toBe("string");
    const path = manifest.jsonWorldComponentContentPaths.en?.DestinyInventoryBucketDefinition;
    expect(path).toMatch(/^\//);
    const response = await fetchContent(path!, { client });
    const table = (await response.json()) as Record<string, { hash: number }>;
    expect(table[String(BucketHashes.General)]?.hash).toBe(BucketHashes.General);
  });
});

describe("item actions", () => {
  const find = (profile: DestinyProfile, predicate: (i: InventoryItem) => boolean) => {
    const item = profile.items.find(predicate);
    if (!item) throw new Error("the sandbox world has no such item");
    return item;
  };

  it("transferItem → to the vault and back", async () => {
    const before = await loadProfile();
    const weapon = find(
      before,
      (i) =>
        i.location === "inventory" &&
        i.itemInstanceId !== null &&
        i.transferStatus === 0 &&
        isEquippableBucket(i.bucketHash),
    );
    const characterId = weapon.ownerCharacterId!;
    const move = {
      itemId: weapon.itemInstanceId,
      itemReferenceHash: weapon.itemHash,
      stackSize: 1,
    };
    await transferItem({ ...context(characterId), ...move, transferToVault: true }, { client });
    const vaulted = (await loadProfile()).items.find(
      (i) => i.itemInstanceId === weapon.itemInstanceId,
    );
    expect(vaulted).toMatchObject({ location: "vault", ownerCharacterId: null });
    await transferItem({ ...context(characterId), ...move, transferToVault: false }, { client });
    const back = (await loadProfile()).items.find(
      (i) => i.itemInstanceId === weapon.itemInstanceId,
    );
    expect(back).toMatchObject({ location: "inventory", ownerCharacterId: characterId });
  });

  it("pullFromPostmaster → from LostItems to the character", async () => {
    const before = await loadProfile();
    const lost = find(before, (i) => i.location === "postmaster" && i.transferStatus !== 2);
    await pullFromPostmaster(
      {
        ...context(lost.ownerCharacterId!),
        itemId: lost.itemInstanceId,
        itemReferenceHash: lost.itemHash,
        stackSize: lost.quantity,
      },
      { client },
    );
    const after = await loadProfile();
    const postmasterCount = (p: DestinyProfile) =>
      p.items.filter(
        (i) => i.location === "postmaster" && i.ownerCharacterId === lost.ownerCharacterId,
      ).length;
    expect(postmasterCount(after)).toBe(postmasterCount(before) - 1);
  });

  it("equipItem and equipItems → the items become equipped", async () => {
    const before = await loadProfile();
    const candidates = before.items.filter(
      (i) =>
        i.location === "inventory" &&
        i.canEquip &&
        i.itemInstanceId !== null &&
        isEquippableBucket(i.bucketHash),
    );
    const first = candidates[0]!;
    await equipItem(
      { ...context(first.ownerCharacterId!), itemId: first.itemInstanceId! },
      { client },
    );
    const equipped = (await loadProfile()).items.find(
      (i) => i.itemInstanceId === first.itemInstanceId,
    );
    expect(equipped).toMatchObject({ location: "equipped", isEquipped: true });

    const second = candidates.find(
      (i) => i.ownerCharacterId === first.ownerCharacterId && i.bucketHash !== first.bucketHash,
    )!;
    const results = reshapeEquipResults(
      await equipItems(
        { ...context(second.ownerCharacterId!), itemIds: [second.itemInstanceId!] },
        { client },
      ),
    );
    expect(results).toEqual([{ itemInstanceId: second.itemInstanceId, equipStatus: 1, ok: true }]);
  });

  it("setItemLockState → locks and unlocks", async () => {
    const before = await loadProfile();
    const item = find(
      before,
      (i) => i.lockable && !i.locked && i.itemInstanceId !== null && i.ownerCharacterId !== null,
    );
    const lock = (locked: boolean) =>
      setItemLockState(
        { ...context(item.ownerCharacterId!), itemId: item.itemInstanceId!, locked },
        { client },
      );
    await lock(true);
    expect(
      (await loadProfile()).items.find((i) => i.itemInstanceId === item.itemInstanceId)?.locked,
    ).toBe(true);
    await lock(false);
    expect(
      (await loadProfile()).items.find((i) => i.itemInstanceId === item.itemInstanceId)?.locked,
    ).toBe(false);
  });
});

describe("vendors", () => {
  it("getVendors, getVendor, getPublicVendors → vendors with sales and costs", async () => {
    const characterId = demo.characterIds[0]!;
    const vendors = reshapeVendors(await getVendors({ ...own(), characterId }, { client }));
    expect(vendors.privateComponents).toEqual([]);
    expect(vendors.vendors.length).toBeGreaterThan(0);
    const withSales = vendors.vendors.find((v) => v.sales.length > 0)!;
    expect(withSales.nextRefreshDate).not.toBeNull();
    expect(withSales.sales.some((s) => s.costs.length > 0)).toBe(true);

    const one = reshapeVendor(
      await getVendor({ ...own(), characterId, vendorHash: withSales.vendorHash }, { client }),
    );
    expect(one?.vendorHash).toBe(withSales.vendorHash);
    expect(one?.sales.map((s) => s.itemHash)).toEqual(withSales.sales.map((s) => s.itemHash));

    const pub = reshapePublicVendors(await getPublicVendors({}, { client }));
    expect(pub.vendors.length).toBeGreaterThan(0);
    expect(pub.vendors.every((v) => v.canPurchase === null)).toBe(true);
  });
});

describe("groups", () => {
  it("getGroupsForMember, getGroup, getMembersOfGroup → the clan and every member, page by page", async () => {
    const groups = reshapeGroupsForMember(
      await getGroupsForMember(
        { membershipType: demo.membershipType, membershipId: demo.membershipId },
        { client },
      ),
    );
    expect(groups.length).toBeGreaterThan(0);
    const groupId = groups[0]!.group.groupId;
    expect(groups[0]!.member.membershipId).toBe(demo.membershipId);

    const group = reshapeGroup(await getGroup(groupId, { client }));
    expect(group).toMatchObject({ groupId, groupType: 1 });
    expect(group.founder).not.toBeNull();

    const page1 = await getMembersOfGroup(groupId, 1, { client });
    expect(page1.totalResults).toBe(group.memberCount);
    const seen = new Set<string>();
    let page = page1;
    for (let n = 1; ; n++) {
      const members = (page.results ?? []).map(reshapeGroupMember);
      expect(members.length).toBeLessThanOrEqual(50);
      // Pages do not overlap.
      expect(members.some((m) => seen.has(m.membershipId))).toBe(false);
      for (const m of members) seen.add(m.membershipId);
      if (!page.hasMore) break;
      expect(n).toBeLessThan(3); // clans hold at most 100 members
      page = await getMembersOfGroup(groupId, n + 1, { client });
    }
    expect(seen.size).toBe(group.memberCount);
  });
});
