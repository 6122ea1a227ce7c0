import type { DestinyProfileResponse } from "bungie-api-ts/destiny2";
import { describe, expect, it } from "vitest";
import { reshapeLoadouts } from "@/lib/bungie/reshape/loadouts";
import { reshapeProfile } from "@/lib/bungie/reshape/profile";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";

const TITAN = "2305843009200000001";
const HUNTER = "2305843009200000002";
const empty = (n: number) =>
  Array.from({ length: n }, () => ({ itemInstanceId: "0", plugItemHashes: [] }));

// As Bungie sends 206: every slot present, an empty slot's items all "0".
const component = {
  privacy: 2,
  data: {
    [TITAN]: {
      loadouts: [
        {
          nameHash: 101,
          iconHash: 201,
          colorHash: 301,
          items: [
            {
              itemInstanceId: "6917529000000000001",
              plugItemHashes: [UNSET_PLUG_HASH, UNSET_PLUG_HASH],
            },
            { itemInstanceId: "0", plugItemHashes: [] },
            { itemInstanceId: "6917529000000000009", plugItemHashes: [11, 12, UNSET_PLUG_HASH] },
          ],
        },
        { nameHash: 102, iconHash: 202, colorHash: 302, items: empty(9) },
      ],
    },
    [HUNTER]: { loadouts: [] },
  },
};

describe("reshapeLoadouts", () => {
  it("keeps every slot in index order, its identifiers and only its real items", () => {
    const out = reshapeLoadouts(component, []);
    expect(Object.keys(out).sort()).toEqual([TITAN, HUNTER].sort());
    expect(out[TITAN]).toEqual([
      {
        index: 0,
        nameHash: 101,
        iconHash: 201,
        colorHash: 301,
        items: [
          {
            itemInstanceId: "6917529000000000001",
            plugItemHashes: [UNSET_PLUG_HASH, UNSET_PLUG_HASH],
          },
          { itemInstanceId: "6917529000000000009", plugItemHashes: [11, 12, UNSET_PLUG_HASH] },
        ],
        empty: false,
      },
      { index: 1, nameHash: 102, iconHash: 202, colorHash: 302, items: [], empty: true },
    ]);
    expect(out[HUNTER]).toEqual([]);
  });

  it("says 'private' when Bungie withholds 206, and nothing when it was not asked", () => {
    const privateOut: string[] = [];
    expect(reshapeLoadouts({ privacy: 2 }, privateOut)).toEqual({});
    expect(privateOut).toEqual(["characterLoadouts"]);
    const notAsked: string[] = [];
    expect(reshapeLoadouts(undefined, notAsked)).toEqual({});
    expect(notAsked).toEqual([]);
  });

  it("reads hashes sent as signed numbers as Bungie's unsigned ones", () => {
    const out = reshapeLoadouts(
      {
        data: {
          [TITAN]: {
            loadouts: [
              {
                nameHash: -1,
                iconHash: 5,
                colorHash: 6,
                items: [{ itemInstanceId: "1", plugItemHashes: [-2128831035] }],
              },
            ],
          },
        },
      },
      [],
    );
    expect(out[TITAN]?.[0]?.nameHash).toBe(0xffffffff);
    expect(out[TITAN]?.[0]?.items[0]?.plugItemHashes).toEqual([UNSET_PLUG_HASH]);
  });

  it("is part of reshapeProfile, as plain JSON", () => {
    const profile = reshapeProfile({
      characterLoadouts: component,
    } as unknown as DestinyProfileResponse);
    expect(profile.loadouts[TITAN]).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });
});
