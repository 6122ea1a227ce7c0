// What a loadouts form may send. The player is never named in it: the server takes them from
// the session, and checks the character against their own profile.
import { z } from "zod";

/** One action on an in-game loadout slot, as the server performs it (see slot-actions.ts). */
export type LoadoutActionRequest =
  | { intent: "equip" | "clear"; characterId: string; loadoutIndex: number }
  | {
      intent: "snapshot" | "identify";
      characterId: string;
      loadoutIndex: number;
      /** Absent: keep the slot's own. */
      nameHash?: number;
      iconHash?: number;
      colorHash?: number;
    };

const characterId = z.string().regex(/^\d{1,20}$/, "That is not a Destiny character.");
// Bungie has 10 slots per character today (loadoutCountPerCharacter): 100 is room to grow.
const loadoutIndex = z.coerce
  .number({ error: "That is not a loadout slot." })
  .int("That is not a loadout slot.")
  .min(0, "That is not a loadout slot.")
  .max(99, "That is not a loadout slot.");
const hash = z.coerce
  .number({ error: "That is not a name, icon or colour of the game." })
  .int()
  .min(1)
  .max(0xffffffff)
  .optional();

export const LoadoutActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["equip", "clear"]), characterId, loadoutIndex }),
  z.object({
    intent: z.enum(["snapshot", "identify"]),
    characterId,
    loadoutIndex,
    nameHash: hash,
    iconHash: hash,
    colorHash: hash,
  }),
]) satisfies z.ZodType<LoadoutActionRequest>;

/** The form's fields as the schema reads them. */
export function readLoadoutActionForm(formData: FormData) {
  return {
    intent: formData.get("intent") ?? undefined,
    characterId: formData.get("characterId") ?? undefined,
    loadoutIndex: formData.get("loadoutIndex") ?? undefined,
    nameHash: formData.get("nameHash") || undefined,
    iconHash: formData.get("iconHash") || undefined,
    colorHash: formData.get("colorHash") || undefined,
  };
}

/** The first problem of an invalid form, in words. */
export function loadoutActionProblem(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  return issue?.code === "invalid_union" || issue?.path[0] === "intent"
    ? "That is not something Warmind can do with a loadout."
    : (issue?.message ?? "That request is not valid.");
}
