import { describe, expect, it } from "vitest";
import { readCollectibleStates } from "@/lib/vendors/collectibles";

describe("readCollectibleStates", () => {
  it("merges account and character collectibles: acquired in either counts", () => {
    const states = readCollectibleStates(
      {
        profileCollectibles: {
          privacy: 1,
          data: { collectibles: { "10": { state: 1 }, "11": { state: 0 }, "12": { state: 1 } } },
        },
        characterCollectibles: {
          privacy: 1,
          data: {
            "2305843009000000001": { collectibles: { "10": { state: 0 }, "13": { state: 5 } } },
            "2305843009000000002": { collectibles: { "12": { state: 0 } } },
          },
        },
      } as never,
      "2305843009000000001",
    );
    expect(states && Object.fromEntries(states)).toEqual({ 10: 0, 11: 0, 12: 1, 13: 5 });
  });

  it("is null when Bungie sent no collections (not asked, private, or none)", () => {
    expect(readCollectibleStates({} as never, "1")).toBeNull();
    expect(
      readCollectibleStates(
        { profileCollectibles: { privacy: 2 }, characterCollectibles: { privacy: 2 } } as never,
        "1",
      ),
    ).toBeNull();
  });
});
