// What a saved loadout holds, and the one zod schema that checks it: on every write (the player's
// form) and on every read (the JSON column may hold what an older version wrote, or anything a
// hand-edited row holds). Shared by the server and the browser: no server-only imports here.
import { z } from "zod";
import { IN_GAME_LOADOUT_BUCKETS } from "@/lib/destiny/buckets";

/** Warmind's limit per player: enough for every build, small enough to list on one page. */
export const MAX_LOADOUTS_PER_PLAYER = 200;
export const MAX_LOADOUT_NAME_LENGTH = 60;

const uint32 = z.number().int().min(0).max(0xffffffff);
/** Bungie's int64 ids travel as decimal strings. */
export const InstanceIdSchema = z.string().regex(/^[1-9]\d{0,19}$/, "Not an item id.");

export const LoadoutItemSchema = z.object({
  itemHash: uint32,
  itemInstanceId: InstanceIdSchema,
  bucketHash: z
    .number()
    .int()
    .refine((b) => (IN_GAME_LOADOUT_BUCKETS as readonly number[]).includes(b), {
      message: "A loadout holds weapons, armour and a subclass only.",
    }),
  /** socketIndex → plugItemHash, as the item had them when saved. */
  plugs: z.record(z.string().regex(/^\d{1,2}$/), uint32).default({}),
});

export type LoadoutItem = z.infer<typeof LoadoutItemSchema>;

/** One item per slot at most (a weapon per weapon slot, a piece per armour slot, a subclass). */
export const LoadoutItemsSchema = z
  .array(LoadoutItemSchema)
  .max(IN_GAME_LOADOUT_BUCKETS.length)
  .refine((items) => new Set(items.map((i) => i.bucketHash)).size === items.length, {
    message: "A loadout holds one item per slot.",
  });

export const LoadoutNameSchema = z
  .string()
  .trim()
  .min(1, "Give the loadout a name.")
  .max(MAX_LOADOUT_NAME_LENGTH, `Names are at most ${MAX_LOADOUT_NAME_LENGTH} characters.`);

export const ClassTypeSchema = z.coerce
  .number()
  .int()
  .refine((c) => c === 0 || c === 1 || c === 2, { message: "Choose Titan, Hunter or Warlock." });

/** The plugs as an array of [socketIndex, plugHash], in socket order. */
export function plugEntries(item: Pick<LoadoutItem, "plugs">): [number, number][] {
  return Object.entries(item.plugs)
    .map(([index, hash]): [number, number] => [Number(index), hash])
    .sort((a, b) => a[0] - b[0]);
}

/** An item's sockets (plug hash per index, null when empty) as a loadout stores them. */
export function plugsOf(sockets: readonly (number | null)[]): Record<string, number> {
  const plugs: Record<string, number> = {};
  sockets.forEach((hash, index) => {
    if (hash !== null && hash !== 0) plugs[String(index)] = hash;
  });
  return plugs;
}
