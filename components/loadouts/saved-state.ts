import type { SavedActionState } from "@/lib/loadouts/saved-loadout-actions";

export const IDLE_STATE: SavedActionState = { status: "idle", message: "" };
