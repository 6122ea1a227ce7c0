import { describe, expect, it } from "vitest";
import { shareUnchanged } from "@/lib/guardian/share-unchanged";
import type { CharacterView, PageInventoryView, TileItemView } from "@/lib/guardian/view-types";
import { tileItem as item } from "./item-fixture";

function hunter(patch: Partial<CharacterView> = {}): CharacterView {
  return {
    characterId: "2305843009300000001",
    classType: 1,
    name: "Hunter",
    className: "Hunter",
    raceName: "Awoken",
    genderName: "Female",
    light: 540,
    emblemUrl: null,
    emblemBackgroundUrl: null,
    inActivity: false,
    dateLastPlayed: "2026-12-01T20:00:00Z",
    minutesPlayedTotal: 1000,
    ...patch,
  };
}

function view(items: TileItemView[], characters = [hunter()]): PageInventoryView {
  return {
    kind: "inventory",
    characters,
    selectedCharacterId: characters[0]?.characterId ?? null,
    items,
    privateComponents: [],
    loadedAt: 1,
    capacity: { vault: 700, bucket: 9, postmaster: 21, postmasterWarning: 18 },
  };
}

// Fresh JSON, as a read-back gives: equal values, new objects.
const reread = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("shareUnchanged", () => {
  it("keeps the very lists on screen when a read-back changed nothing", () => {
    const before = view([item("1"), item("2")]);
    const after = shareUnchanged(before, { ...reread(before), loadedAt: 2 });
    expect(after.items).toBe(before.items);
    expect(after.characters).toBe(before.characters);
    expect(after.loadedAt).toBe(2);
  });

  it("keeps each unchanged item and takes the moved one from the read-back", () => {
    const before = view([item("1"), item("2"), item("3")]);
    const next = reread(before);
    next.items[1] = item("2", { location: "equipped", ownerCharacterId: "2305843009300000001" });
    const after = shareUnchanged(before, next);
    expect(after.items).not.toBe(before.items);
    expect(after.items[0]).toBe(before.items[0]);
    expect(after.items[1]).toBe(next.items[1]);
    expect(after.items[1]?.location).toBe("equipped");
    expect(after.items[2]).toBe(before.items[2]);
  });

  it("follows the read-back's order, additions and removals", () => {
    const before = view([item("1"), item("2"), item("3")]);
    const next = view([item("3"), item("1"), item("4")]);
    const after = shareUnchanged(before, next);
    expect(after.items.map((i) => i.key)).toEqual(["3", "1", "4"]);
    expect(after.items[0]).toBe(before.items[2]);
    expect(after.items[1]).toBe(before.items[0]);
    expect(after.items[2]).toBe(next.items[2]);
  });

  it("takes a character whose light changed, keeps the list otherwise", () => {
    const before = view([item("1")]);
    const brighter = view([item("1")], [hunter({ light: 541 })]);
    const after = shareUnchanged(before, brighter);
    expect(after.characters).not.toBe(before.characters);
    expect(after.characters[0]?.light).toBe(541);
    expect(after.items).toBe(before.items);
  });

  it("answers the read-back itself when there is nothing on screen yet", () => {
    const next = view([item("1")]);
    expect(shareUnchanged(undefined, next)).toBe(next);
  });
});
