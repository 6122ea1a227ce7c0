// One inventory request → the move planner's plan (or refusal). Pure: the server plans the real
// calls with it and the browser the optimistic view, so both always agree.
import {
  planEquip,
  planEquipSet,
  planLock,
  planMove,
  planPull,
  type PlanResult,
} from "@/lib/destiny/move-planner";
import type { PlannerState } from "@/lib/destiny/planner-state";
import type { ItemActionRequest } from "./action-schema";

export function planAction(
  state: PlannerState,
  request: ItemActionRequest,
  actingCharacterId: string | null,
): PlanResult {
  const options = { actingCharacterId: actingCharacterId ?? undefined };
  switch (request.intent) {
    case "move":
      return planMove(
        state,
        {
          itemKey: request.itemKey,
          to:
            request.to === "vault"
              ? { kind: "vault" }
              : { kind: "character", characterId: request.to.characterId },
          quantity: request.quantity,
        },
        options,
      );
    case "equip":
      return planEquip(state, request, options);
    case "pull":
      return planPull(state, request, options);
    case "lock":
      return planLock(state, request, options);
    case "equip-set":
      return planEquipSet(state, request, options);
  }
}
