// The zod schemas of /loadouts/saved's actions and the readers that take their fields out of a
// FormData. Shared with the browser (no server-only imports).
import { z } from "zod";
import {
  ClassTypeSchema,
  InstanceIdSchema,
  LoadoutItemsSchema,
  LoadoutNameSchema,
} from "./loadout-items";

const LoadoutId = z.string().regex(/^[a-z0-9]{20,32}$/, "Not a loadout id.");
const CharacterId = InstanceIdSchema;
const SlotIndex = z.coerce.number().int().min(0).max(19);
const field = (form: FormData, name: string) => form.get(name) ?? undefined;

export const SaveCurrentSchema = z.object({ characterId: CharacterId, name: LoadoutNameSchema });
export const SaveFromSlotSchema = z.object({
  characterId: CharacterId,
  slotIndex: SlotIndex,
  name: LoadoutNameSchema,
});
export const SavePickedSchema = z.object({
  name: LoadoutNameSchema,
  classType: ClassTypeSchema,
  itemInstanceIds: z.array(InstanceIdSchema).min(1, "Pick at least one item.").max(9),
});
export const RenameSchema = z.object({ loadoutId: LoadoutId, name: LoadoutNameSchema });
export const LoadoutIdSchema = z.object({ loadoutId: LoadoutId });
export const ShareSchema = z.object({ loadoutId: LoadoutId, share: z.enum(["on", "off"]) });
export const CopySharedSchema = z.object({ shareId: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });
export const EditItemsSchema = z.object({
  loadoutId: LoadoutId,
  items: z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Not a list of items." });
        return z.NEVER;
      }
    })
    .pipe(LoadoutItemsSchema),
});
export const EquipSchema = z.object({
  loadoutId: LoadoutId,
  characterId: CharacterId,
  clearOthers: z
    .enum(["on", "off"])
    .default("off")
    .transform((v) => v === "on"),
});
export const WriteSlotSchema = z.object({
  loadoutId: LoadoutId,
  characterId: CharacterId,
  slotIndex: SlotIndex,
});

export const readFields =
  (...names: string[]) =>
  (form: FormData): Record<string, unknown> =>
    Object.fromEntries(names.map((n) => [n, field(form, n)]));

export const readPicked = (form: FormData) => ({
  name: field(form, "name"),
  classType: field(form, "classType"),
  // A slot left at "None" sends an empty value: not a pick.
  itemInstanceIds: form.getAll("itemInstanceId").filter((v) => v !== ""),
});
