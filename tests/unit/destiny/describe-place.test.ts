import { describe, expect, it } from "vitest";
import { DestinyClass } from "@/lib/destiny/game-facts";
import { describePlace } from "@/lib/destiny/planner-state";

// One sentence for "where is this item", used by the planner's messages (on its own state) and
// by the item sheet (on the page's characters, which carry display names such as "Hunter 2").
const characters = [
  { characterId: "1", classType: DestinyClass.Hunter, inActivity: null, name: "Hunter" },
  { characterId: "2", classType: DestinyClass.Titan, inActivity: false },
  { characterId: "3", classType: DestinyClass.Hunter, inActivity: true, name: "Hunter 2" },
];

describe("describePlace", () => {
  it("names every place an item can be", () => {
    const at = (
      location: "vault" | "equipped" | "inventory" | "postmaster",
      owner: string | null,
    ) => describePlace({ characters }, { location, ownerCharacterId: owner });
    expect(at("vault", null)).toBe("in the vault");
    expect(at("equipped", "1")).toBe("equipped on your Hunter");
    expect(at("inventory", "3")).toBe("on your Hunter 2");
    // A character without a display name is named by its class.
    expect(at("postmaster", "2")).toBe("at your Titan's postmaster");
    expect(at("inventory", null)).toBe("in your account inventory");
    // A character the state does not know (never expected, but never an empty name).
    expect(at("inventory", "9")).toBe("on your character");
  });
});
