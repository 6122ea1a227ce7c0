// The demo player's in-game loadouts: every character has its ten slots, four of them filled.
// Slot 1 is what the character wears; slot 2 other gear it carries; slot 3 has an item that went
// to the vault and one now on another character; slot 4 an item that no longer exists. The rest
// are empty. Built from a fork of the profile's generator, so nothing else the world rolls moves.
import { IN_GAME_LOADOUT_BUCKETS } from "../../lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "../../lib/destiny/game-facts";
import { emptyLoadout, snapshotItems } from "../rules/loadouts";
import type { InventoryView } from "../rules/types";
import type { ManifestDefinitions } from "./definitions";
import type { Prng } from "./prng";
import type { DestinyProfile, WorldItem, WorldLoadout, WorldLoadoutItem } from "./types";

/** How many slots of each demo character are filled (the rest stay empty). */
export const FILLED_DEMO_LOADOUTS = 4;

export function seedDemoLoadouts(prng: Prng, profile: DestinyProfile, defs: ManifestDefinitions) {
  const rules = defs.loadouts;
  const view: InventoryView = {
    items: profile.items,
    byInstanceId: profile.byInstanceId,
    metaOf: (hash) => defs.meta.get(hash),
  };
  const identity = (): Omit<WorldLoadout, "items"> => ({
    nameHash: prng.pick(rules.nameHashes),
    iconHash: prng.pick(rules.iconHashes),
    colorHash: prng.pick(rules.colorHashes),
  });
  const entry = (item: WorldItem | undefined): WorldLoadoutItem => {
    if (!item?.itemInstanceId) return { itemInstanceId: "0", plugItemHashes: [] };
    const free = new Set(defs.meta.get(item.itemHash)?.freeSockets ?? []);
    return {
      itemInstanceId: item.itemInstanceId,
      plugItemHashes: (item.plugs ?? []).map((plug, i) => (free.has(i) ? plug : UNSET_PLUG_HASH)),
    };
  };

  for (const character of profile.characters) {
    const id = character.characterId;
    const carried = (bucketHash: number, place: WorldItem["place"]["kind"], owner = id) =>
      profile.items.filter((i) => {
        const meta = defs.meta.get(i.itemHash);
        return (
          i.place.kind === place &&
          (place === "vault" || ("characterId" in i.place && i.place.characterId === owner)) &&
          meta?.bucketHash === bucketHash &&
          (meta.classType === 3 || meta.classType === character.classType) &&
          !meta.exotic
        );
      });
    // Slot 2: gear the character carries but does not wear (no exotics, so no unique clash).
    const alternative = IN_GAME_LOADOUT_BUCKETS.map((bucket) => {
      const pool = carried(bucket, "inventory");
      return pool.length > 0 ? prng.pick(pool) : undefined;
    });
    const worn = snapshotItems(view, character);
    const slots: WorldLoadout[] = [
      { ...identity(), items: worn },
      { ...identity(), items: alternative.map((item, i) => (item ? entry(item) : worn[i]!)) },
    ];
    // Slot 3: the kinetic weapon is in the vault now, the helmet on another character.
    const vaulted = carried(IN_GAME_LOADOUT_BUCKETS[0], "vault");
    const other = profile.characters.find(
      (c) => c.characterId !== id && c.classType === character.classType,
    );
    const elsewhere = other
      ? carried(IN_GAME_LOADOUT_BUCKETS[3], "inventory", other.characterId)
      : profile.items.filter(
          (i) =>
            i.place.kind === "inventory" &&
            i.place.characterId !== id &&
            defs.meta.get(i.itemHash)?.bucketHash === IN_GAME_LOADOUT_BUCKETS[3],
        );
    const third = [...worn];
    if (vaulted.length > 0) third[0] = entry(prng.pick(vaulted));
    if (elsewhere.length > 0) third[3] = entry(prng.pick(elsewhere));
    slots.push({ ...identity(), items: third });
    // Slot 4: an energy weapon since dismantled (an instance id nobody holds).
    const fourth = [...alternative.map((item, i) => (item ? entry(item) : worn[i]!))];
    fourth[1] = { itemInstanceId: goneId(profile, character.classType), plugItemHashes: [] };
    slots.push({ ...identity(), items: fourth });
    while (slots.length < rules.countPerCharacter) slots.push(emptyLoadout(rules));
    character.loadouts = slots.slice(0, rules.countPerCharacter);
  }
}

/** An instance id past every one the profile holds: an item that existed and was dismantled. */
function goneId(profile: DestinyProfile, salt: number): string {
  let max = 0n;
  for (const id of profile.byInstanceId.keys()) if (BigInt(id) > max) max = BigInt(id);
  return (max + 999_983n + BigInt(salt)).toString();
}
