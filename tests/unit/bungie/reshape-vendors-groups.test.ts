import type {
  DestinyPublicVendorsResponse,
  DestinyVendorResponse,
  DestinyVendorsResponse,
} from "bungie-api-ts/destiny2";
import type { GetGroupsForMemberResponse, GroupMember, GroupResponse } from "bungie-api-ts/groupv2";
import { describe, expect, it } from "vitest";
import { reshapeEquipResults } from "@/lib/bungie/reshape/equip";
import {
  reshapeGroup,
  reshapeGroupMember,
  reshapeGroupsForMember,
} from "@/lib/bungie/reshape/groups";
import { reshapePublicVendors, reshapeVendor, reshapeVendors } from "@/lib/bungie/reshape/vendors";

const sale = (vendorItemIndex: number, itemHash: number, extra: Record<string, unknown> = {}) => ({
  vendorItemIndex,
  itemHash,
  quantity: 1,
  costs: [{ itemHash: 3159615086, quantity: 5000, hasConditionalVisibility: false }],
  saleStatus: 0,
  requiredUnlocks: [],
  unlockStatuses: [],
  failureIndexes: [],
  augments: 0,
  ...extra,
});

describe("vendor reshapes", () => {
  it("reshapes a character's vendors, sales sorted by index", () => {
    const data = {
      vendors: {
        privacy: 2,
        data: {
          "672118013": {
            vendorHash: 672118013,
            nextRefreshDate: "2025-09-30T17:00:00Z",
            enabled: true,
            canPurchase: true,
            vendorLocationIndex: 0,
          },
          "2190858386": {
            vendorHash: 2190858386,
            nextRefreshDate: "2025-09-30T17:00:00Z",
            enabled: false,
            canPurchase: false,
            vendorLocationIndex: 0,
          },
        },
      },
      sales: {
        privacy: 2,
        data: {
          "672118013": {
            saleItems: {
              "12": sale(12, 2),
              "3": sale(3, 1, { saleStatus: 8, apiPurchasable: true }),
            },
          },
        },
      },
    } as unknown as DestinyVendorsResponse;
    const out = reshapeVendors(data);
    expect(out.privateComponents).toEqual([]);
    expect(out.vendors.map((v) => v.vendorHash)).toEqual([672118013, 2190858386]);
    expect(out.vendors[0]).toEqual({
      vendorHash: 672118013,
      nextRefreshDate: "2025-09-30T17:00:00Z",
      enabled: true,
      canPurchase: true,
      sales: [
        {
          vendorItemIndex: 3,
          itemHash: 1,
          quantity: 1,
          costs: [{ itemHash: 3159615086, quantity: 5000 }],
          saleStatus: 8,
          overrideNextRefreshDate: null,
          apiPurchasable: true,
        },
        {
          vendorItemIndex: 12,
          itemHash: 2,
          quantity: 1,
          costs: [{ itemHash: 3159615086, quantity: 5000 }],
          saleStatus: 0,
          overrideNextRefreshDate: null,
          apiPurchasable: false,
        },
      ],
    });
    expect(out.vendors[1]!.sales).toEqual([]);
  });

  it("reads a sale's power and gear tier from GetVendor's item instances, when asked for", () => {
    const vendor = {
      vendor: {
        privacy: 2,
        data: { vendorHash: 672118013, nextRefreshDate: "2026-12-06T17:00:00Z", enabled: true },
      },
      sales: { privacy: 2, data: { "3": sale(3, 30), "4": sale(4, 40), "5": sale(5, 50) } },
    };
    const withInstances = reshapeVendor({
      ...vendor,
      itemComponents: {
        instances: {
          privacy: 1,
          data: {
            "3": { primaryStat: { statHash: 1480404414, value: 531 }, gearTier: 4 },
            // Older gear or a non-gear instance: no tier; Bungie's 0 means none too.
            "4": { primaryStat: { statHash: 1480404414, value: 10 }, gearTier: 0 },
          },
        },
      },
    } as unknown as DestinyVendorResponse);
    expect(withInstances?.sales.map((s) => [s.power, s.gearTier])).toEqual([
      [531, 4],
      [10, null],
      [null, null],
    ]);
    // Without instances (GetVendors, or GetVendor without 300) the sale says nothing of them.
    const without = reshapeVendor(vendor as unknown as DestinyVendorResponse);
    expect(without?.sales[0]).not.toHaveProperty("gearTier");
    expect(without?.sales[0]).not.toHaveProperty("power");
  });

  it("reports private vendor components instead of crashing", () => {
    const out = reshapeVendors({
      vendors: { privacy: 2 },
      sales: { privacy: 2 },
    } as unknown as DestinyVendorsResponse);
    expect(out).toEqual({ vendors: [], privateComponents: ["vendors", "sales"] });
  });

  it("reshapes one vendor and public vendors", () => {
    const one = reshapeVendor({
      vendor: {
        privacy: 1,
        data: {
          vendorHash: 350061650,
          nextRefreshDate: "2025-10-01T17:00:00Z",
          enabled: true,
          canPurchase: true,
        },
      },
      sales: { privacy: 1, data: { "0": sale(0, 77) } },
    } as unknown as DestinyVendorResponse);
    expect(one?.sales.map((s) => s.itemHash)).toEqual([77]);
    expect(
      reshapeVendor({ vendor: { privacy: 2 } } as unknown as DestinyVendorResponse),
    ).toBeNull();

    const pub = reshapePublicVendors({
      vendors: { privacy: 1, data: { "1": { vendorHash: 1, nextRefreshDate: "", enabled: true } } },
      sales: {
        privacy: 1,
        data: {
          "1": { saleItems: { "0": { vendorItemIndex: 0, itemHash: 5, quantity: 2, costs: [] } } },
        },
      },
    } as unknown as DestinyPublicVendorsResponse);
    expect(pub.vendors).toEqual([
      {
        vendorHash: 1,
        nextRefreshDate: null,
        enabled: true,
        canPurchase: null,
        sales: [
          {
            vendorItemIndex: 0,
            itemHash: 5,
            quantity: 2,
            costs: [],
            saleStatus: 0,
            overrideNextRefreshDate: null,
            apiPurchasable: false,
          },
        ],
      },
    ]);
  });
});

const member = (membershipId: string, memberType = 2) => ({
  memberType,
  isOnline: membershipId === "1",
  lastOnlineStatusChange: "1758880000",
  groupId: "4242",
  destinyUserInfo: {
    LastSeenDisplayName: "Last",
    LastSeenDisplayNameType: 3,
    iconPath: "/icon.png",
    crossSaveOverride: 0,
    applicableMembershipTypes: [3],
    isPublic: true,
    membershipType: 3,
    membershipId,
    displayName: "plat",
    bungieGlobalDisplayName: "Clanmate",
    bungieGlobalDisplayNameCode: 1,
  },
  bungieNetUserInfo: { membershipType: 254, membershipId: `bn-${membershipId}` },
  joinDate: "2020-01-01T00:00:00Z",
});

const detail = {
  groupId: "4242",
  name: "Warminds",
  groupType: 1,
  creationDate: "2017-09-06T00:00:00Z",
  about: "About",
  motto: "Motto",
  memberCount: 2,
  isPublic: true,
  avatarPath: "/img/avatar.png",
  bannerPath: "",
  clanInfo: { clanCallsign: "WRM" },
};

describe("group reshapes", () => {
  it("reshapes a group with its founder", () => {
    const out = reshapeGroup({ detail, founder: member("1", 5) } as unknown as GroupResponse);
    expect(out).toEqual({
      groupId: "4242",
      name: "Warminds",
      groupType: 1,
      motto: "Motto",
      about: "About",
      memberCount: 2,
      isPublic: true,
      creationDate: "2017-09-06T00:00:00Z",
      callsign: "WRM",
      avatarPath: "/img/avatar.png",
      bannerPath: null,
      founder: {
        groupId: "4242",
        memberType: 5,
        isOnline: true,
        lastOnlineStatusChange: 1758880000,
        joinDate: "2020-01-01T00:00:00Z",
        membershipType: 3,
        membershipId: "1",
        displayName: "Clanmate",
        bungieName: "Clanmate#0001",
        bungieNetMembershipId: "bn-1",
        iconPath: "/icon.png",
      },
    });
  });

  it("reshapes members and groups for a member", () => {
    const members = ([member("1"), member("2")] as unknown as GroupMember[]).map(
      reshapeGroupMember,
    );
    expect(members.map((m) => [m.membershipId, m.isOnline])).toEqual([
      ["1", true],
      ["2", false],
    ]);

    const groups = reshapeGroupsForMember({
      areAllMembershipsInactive: { "4242": true },
      results: [{ group: detail, member: member("2") }],
    } as unknown as GetGroupsForMemberResponse);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      inactive: true,
      group: { groupId: "4242", founder: null },
      member: { membershipId: "2" },
    });
  });
});

describe("reshapeEquipResults", () => {
  it("marks each item ok or not", () => {
    expect(
      reshapeEquipResults({
        equipResults: [
          { itemInstanceId: "1", equipStatus: 1 },
          { itemInstanceId: "2", equipStatus: 1671 },
        ],
      } as never),
    ).toEqual([
      { itemInstanceId: "1", equipStatus: 1, ok: true },
      { itemInstanceId: "2", equipStatus: 1671, ok: false },
    ]);
  });
});
