import type { LoadoutItemPlace } from "@/lib/loadouts/view-types";

/** Where a loadout's item is now, as the page says it (relative to the slot's character). */
export function describeLoadoutPlace(place: LoadoutItemPlace, characterId: string): string {
  switch (place.kind) {
    case "equipped":
      return place.characterId === characterId ? "Equipped" : `Equipped on ${place.characterName}`;
    case "inventory":
      return place.characterId === characterId ? "In inventory" : `On ${place.characterName}`;
    case "postmaster":
      return `At ${place.characterName}'s postmaster`;
    case "vault":
      return "In the vault";
    case "missing":
      return "Missing: deleted or held by nobody";
  }
}
