import { describe, expect, it } from "vitest";
import { StatHashes } from "@/lib/destiny/game-facts";
import { firstPaintOf, itemDetailsOf, pageViewOf } from "@/lib/guardian/page-view";
import type { InventoryView, ItemView } from "@/lib/guardian/view-types";
import { itemView } from "./item-fixture";

const PERK = 2001;
const MOD = 2002;

function item(key: string, patch: Partial<ItemView> = {}): ItemView {
  return itemView(key, {
    stats: {
      [StatHashes.Impact]: 84,
      [StatHashes.RoundsPerMinute]: 140,
      [StatHashes.Range]: 60,
      "9999": 7,
    },
    plugs: [PERK, MOD, 3003],
    ...patch,
  });
}

const view: InventoryView = {
  kind: "inventory",
  characters: [],
  selectedCharacterId: null,
  items: [item("6917529000000000001"), item("6917529000000000002", { stats: {}, plugs: [] })],
  statNames: {
    [StatHashes.Impact]: "Impact",
    [StatHashes.RoundsPerMinute]: "Rounds Per Minute",
    [StatHashes.Range]: "Range",
  },
  descriptions: { 1001: "Dead man's hand." },
  plugs: {
    [PERK]: { name: "Memento Mori", icon: "/icons/perk.png", description: "Extra damage." },
    [MOD]: { name: "Backup Mag", icon: null, description: "" },
  },
  privateComponents: [],
  loadedAt: 1,
  capacity: { vault: 700, bucket: 9, postmaster: 21, postmasterWarning: 15 },
};

describe("the inventory page's data", () => {
  it("keeps every tile field and drops per-item stats, perks and the detail tables", () => {
    const page = pageViewOf(view);
    const json = JSON.parse(JSON.stringify(page)) as Record<string, unknown>;
    expect(json).not.toHaveProperty("statNames");
    expect(json).not.toHaveProperty("descriptions");
    expect(json).not.toHaveProperty("plugs");
    for (const [n, slim] of page.items.entries()) {
      expect(slim).not.toHaveProperty("stats");
      expect(slim).not.toHaveProperty("plugs");
      const { stats: _stats, plugs: _plugs, ...tile } = view.items[n]!;
      expect(slim).toEqual(tile);
    }
    expect(page.capacity).toEqual(view.capacity);
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(view).length);
  });

  it("names an item's stats in the game's order (counts without a bar) and its perks", () => {
    const details = itemDetailsOf(view, "6917529000000000001");
    expect(details).toEqual({
      key: "6917529000000000001",
      description: "Dead man's hand.",
      stats: [
        { statHash: StatHashes.RoundsPerMinute, name: "Rounds Per Minute", value: 140, bar: false },
        { statHash: StatHashes.Impact, name: "Impact", value: 84, bar: true },
        { statHash: StatHashes.Range, name: "Range", value: 60, bar: true },
        { statHash: 9999, name: "Stat", value: 7, bar: true },
      ],
      plugs: [
        { name: "Memento Mori", icon: "/icons/perk.png", description: "Extra damage." },
        { name: "Backup Mag", icon: null, description: "" },
        { name: "Unknown perk", icon: null, description: "" },
      ],
    });
  });

  it("finds nothing for a key the player does not hold", () => {
    expect(itemDetailsOf(view, "6917529000000000009")).toBeNull();
    expect(itemDetailsOf(view, "6917529000000000002")).toMatchObject({ stats: [], plugs: [] });
  });

  it("first paints the chosen character's items only, and says how full the vault is", () => {
    const hunter = { characterId: "2305843009000000001" };
    const titan = { characterId: "2305843009000000002" };
    const whole = pageViewOf({
      ...view,
      characters: [hunter, titan] as InventoryView["characters"],
      selectedCharacterId: titan.characterId,
      items: [
        item("1", { location: "equipped", ownerCharacterId: hunter.characterId }),
        item("2", { location: "equipped", ownerCharacterId: titan.characterId }),
        item("3", { location: "inventory", ownerCharacterId: titan.characterId }),
        item("4", { location: "postmaster", ownerCharacterId: titan.characterId }),
        item("5"),
        item("6"),
        item("7", { location: "inventory", ownerCharacterId: null }),
      ],
    });
    const first = firstPaintOf(whole);
    expect(first.view.items.map((i) => i.key)).toEqual(["2", "3", "4"]);
    expect(first.vaultCount).toBe(2);
    expect(first.view.characters).toEqual(whole.characters);
    // No choice stored: the first character (the one played most recently).
    expect(
      firstPaintOf({ ...whole, selectedCharacterId: null }).view.items.map((i) => i.key),
    ).toEqual(["1"]);
  });
});
