// What an equip run tells the player, per item: pure, so the server's answer and its tests share
// it. No server-only imports (the page renders these types).
import type { LoadoutPiece, LoadoutStep, SkippedPiece } from "@/lib/destiny/loadout-planner";
import { describePlace, type PlannerState } from "@/lib/destiny/planner-state";

export type ItemOutcome = {
  itemInstanceId: string;
  itemHash: number;
  name: string;
  status: "equipped" | "not-equipped" | "skipped" | "missing";
  /** Where the item is now, in the player's words ("in the vault", "equipped on your Hunter"). */
  where: string | null;
  /** Why it was skipped or not equipped. */
  message: string | null;
};

/** One line of progress while the run goes: a step started or ended. */
export type StepView = { index: number; label: string };

export type EquipLoadoutResult = {
  status: "ok" | "partial" | "error";
  message: string;
  notices: string[];
  items: ItemOutcome[];
  /** Bungie writes sent (resends included). */
  calls: number;
};

export type EquipProgress =
  | { type: "plan"; steps: StepView[] }
  | { type: "step"; index: number; status: "running" | "done" | "failed" }
  | { type: "result"; result: EquipLoadoutResult };

/** How a step reads in the progress list. */
export function stepLabel(state: PlannerState, step: LoadoutStep): string {
  const name = (key: string) => state.items.find((i) => i.key === key)?.name ?? "an item";
  const who = (id: string) =>
    state.characters.find((c) => c.characterId === id)?.name ?? "character";
  switch (step.kind) {
    case "transfer":
      return step.toVault
        ? `${name(step.itemKey)} to the vault`
        : `${name(step.itemKey)} to your ${who(step.characterId)}`;
    case "pull":
      return `${name(step.itemKey)} from the postmaster`;
    case "equip":
      return `Equip ${name(step.itemKey)}`;
    case "equip-set":
      return `Equip ${step.itemKeys.length} item${step.itemKeys.length === 1 ? "" : "s"}`;
    case "lock":
      return `${step.locked ? "Lock" : "Unlock"} ${name(step.itemKey)}`;
    case "plug": {
      const item = state.items.find((i) => i.itemInstanceId === step.itemInstanceId);
      return `${item?.name ?? "Subclass"}: socket ${step.socketIndex + 1}`;
    }
  }
}

/** Each piece of the loadout: equipped on the character, or where it is and why not. */
export function outcomesOf(
  pieces: readonly LoadoutPiece[],
  skipped: readonly SkippedPiece[],
  after: PlannerState,
  characterId: string,
  failure: string | null,
): ItemOutcome[] {
  const seen = new Set<string>();
  return pieces.flatMap((piece): ItemOutcome[] => {
    if (seen.has(piece.itemInstanceId)) return [];
    seen.add(piece.itemInstanceId);
    const item = after.items.find((i) => i.itemInstanceId === piece.itemInstanceId);
    const skip = skipped.find(
      (s) => s.itemInstanceId === piece.itemInstanceId && s.reason !== "plug-order",
    );
    const base = {
      itemInstanceId: piece.itemInstanceId,
      itemHash: piece.itemHash,
      name: item?.name ?? skip?.name ?? "Unknown item",
      where: item ? describePlace(after, item) : null,
    };
    if (!item) return [{ ...base, status: "missing", message: skip?.message ?? null }];
    if (item.location === "equipped" && item.ownerCharacterId === characterId) {
      const plugs = skipped.find(
        (s) => s.itemInstanceId === piece.itemInstanceId && s.reason === "plug-order",
      );
      return [{ ...base, status: "equipped", message: plugs?.message ?? null }];
    }
    if (skip) return [{ ...base, status: "skipped", message: skip.message }];
    return [{ ...base, status: "not-equipped", message: failure }];
  });
}
