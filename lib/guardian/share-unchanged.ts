// A fresh inventory read (the read-back after a move, a refresh, focus) is new JSON: every item a
// new object, so every memoised tile would draw again (a thousand on a full account, a long task
// on a phone just when the player taps next). Items, characters and lists that did not change
// keep the objects already on screen, so React skips them.
import type { CharacterView, PageInventoryView, TileItemView } from "./view-types";

/** Same own fields with the same primitive values (views are flat JSON objects). */
function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

/** `next`, with each entry equal to the previous one of the same id replaced by that one. */
function shareList<T extends object>(previous: T[], next: T[], id: (entry: T) => string): T[] {
  const byId = new Map(previous.map((entry) => [id(entry), entry]));
  let allSame = previous.length === next.length;
  const shared = next.map((entry, n) => {
    const old = byId.get(id(entry));
    const kept = old && shallowEqual(old, entry) ? old : entry;
    if (kept !== previous[n]) allSame = false;
    return kept;
  });
  return allSame ? previous : shared;
}

export function shareUnchanged(
  previous: PageInventoryView | undefined,
  next: PageInventoryView,
): PageInventoryView {
  if (!previous) return next;
  return {
    ...next,
    items: shareList<TileItemView>(previous.items, next.items, (i) => i.key),
    characters: shareList<CharacterView>(
      previous.characters,
      next.characters,
      (c) => c.characterId,
    ),
  };
}
