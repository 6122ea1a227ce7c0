// What an inventory form may send. The player is never named in it: the server takes them from
// the session. Item keys are instance ids (digits) or stack keys ("<hash>@<place>[#n]").
import { z } from "zod";

/** One inventory action, as the server performs it (see item-actions.ts). */
export type ItemActionRequest =
  | { intent: "move"; itemKey: string; to: "vault" | { characterId: string }; quantity?: number }
  | { intent: "equip"; itemKey: string; characterId: string }
  | { intent: "pull"; itemKey: string }
  | { intent: "lock"; itemKey: string; locked: boolean }
  | { intent: "equip-set"; itemKeys: string[]; characterId: string };

const id = z.string().regex(/^\d{1,20}$/, "That is not a Destiny id.");
const itemKey = z
  .string()
  .regex(
    /^(\d{1,20}|\d{1,10}@(vault|profile|(inv|eq|pm):\d{1,20})(#\d{1,4})?)$/,
    "That is not an item of your inventory.",
  );

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("move"),
    itemKey,
    to: z.union([z.literal("vault"), id]),
    quantity: z.coerce.number().int().min(1).max(100_000).optional(),
  }),
  z.object({ intent: z.literal("equip"), itemKey, characterId: id }),
  z.object({ intent: z.literal("pull"), itemKey }),
  z.object({ intent: z.literal("lock"), itemKey, locked: z.enum(["true", "false"]) }),
  z.object({
    intent: z.literal("equip-set"),
    itemKeys: z.array(itemKey).min(1, "Choose at least one item.").max(20),
    characterId: id,
  }),
]);

/** The form's fields as the schema reads them (the server action and the browser's guess). */
export function readItemActionForm(formData: FormData) {
  return {
    intent: formData.get("intent") ?? undefined,
    itemKey: formData.get("itemKey") ?? undefined,
    itemKeys: formData.getAll("itemKeys"),
    to: formData.get("to") ?? undefined,
    quantity: formData.get("quantity") || undefined,
    characterId: formData.get("characterId") ?? undefined,
    locked: formData.get("locked") ?? undefined,
  };
}

/** The form → a typed request. */
export const ItemActionSchema = ActionSchema.transform((data): ItemActionRequest => {
  switch (data.intent) {
    case "move":
      return {
        intent: "move",
        itemKey: data.itemKey,
        to: data.to === "vault" ? "vault" : { characterId: data.to },
        quantity: data.quantity,
      };
    case "lock":
      return { intent: "lock", itemKey: data.itemKey, locked: data.locked === "true" };
    default:
      return data;
  }
});

/** The first problem of an invalid form, in words. */
export function itemActionProblem(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  return issue?.code === "invalid_union" || issue?.path[0] === "intent"
    ? "That is not something Warmind can do with an item."
    : (issue?.message ?? "That request is not valid.");
}

export type ParsedAction = { ok: true; request: ItemActionRequest } | { ok: false; error: string };

/** FormData → a typed request, or the first problem in words. */
export function parseItemAction(formData: FormData): ParsedAction {
  const parsed = ItemActionSchema.safeParse(readItemActionForm(formData));
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, error: itemActionProblem(parsed.error.issues) };
}

export const ChooseCharacterSchema = z.object({
  characterId: id,
  /** Where to go afterwards: only our own inventory page (never an arbitrary URL). */
  next: z.enum(["/inventory"]).optional(),
});
