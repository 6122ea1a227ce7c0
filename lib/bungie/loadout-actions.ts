import "server-only";
import {
  clearLoadout as apiClearLoadout,
  equipLoadout as apiEquipLoadout,
  snapshotLoadout as apiSnapshotLoadout,
  updateLoadoutIdentifiers as apiUpdateLoadoutIdentifiers,
  type BungieMembershipType,
  type DestinyLoadoutActionRequest,
  type DestinyLoadoutUpdateActionRequest,
} from "bungie-api-ts/destiny2";
import type { ItemActionContext } from "./actions";
import { bungieFetch, type CallOptions } from "./fetch";

// The game's own loadout slots (component 206). Writes, never retried (see retry.ts); Bungie
// paces them at 1 s per player, apart from item actions (kind "loadout" in limits.ts), and allows
// them only in orbit, a social space or offline (1671 elsewhere). Each answers `Response: 0`:
// what EquipLoadout actually equipped is only known by reading the character again.

export type LoadoutActionContext = ItemActionContext & {
  /** The slot: 0 .. DestinyLoadoutConstantsDefinition.loadoutCountPerCharacter - 1. */
  loadoutIndex: number;
};

/** New identifiers; an absent (or 0) hash keeps the slot's own. */
export type LoadoutIdentifiers = { nameHash?: number; iconHash?: number; colorHash?: number };

function loadoutRequest(context: LoadoutActionContext) {
  return {
    accessToken: context.accessToken,
    kind: "write" as const,
    action: { player: context.bungieMembershipId, kind: "loadout" as const },
  };
}

function body(context: LoadoutActionContext): DestinyLoadoutActionRequest {
  return {
    loadoutIndex: context.loadoutIndex,
    characterId: context.characterId,
    membershipType: context.membershipType as BungieMembershipType,
  };
}

function updateBody(
  context: LoadoutActionContext & LoadoutIdentifiers,
): DestinyLoadoutUpdateActionRequest {
  return {
    ...body(context),
    ...(context.nameHash ? { nameHash: context.nameHash } : {}),
    ...(context.iconHash ? { iconHash: context.iconHash } : {}),
    ...(context.colorHash ? { colorHash: context.colorHash } : {}),
  };
}

/** Equips the slot's items (and plugs) on its character: one call, whatever the item count. */
export async function equipLoadout(
  params: LoadoutActionContext,
  options?: CallOptions,
): Promise<void> {
  await bungieFetch((http) => apiEquipLoadout(http, body(params)), loadoutRequest(params), options);
}

/** Saves what the character wears now into the slot, with new identifiers if given. */
export async function snapshotLoadout(
  params: LoadoutActionContext & LoadoutIdentifiers,
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) => apiSnapshotLoadout(http, updateBody(params)),
    loadoutRequest(params),
    options,
  );
}

/** Renames, recolours or changes the icon of a slot (filled or empty), its items untouched. */
export async function updateLoadoutIdentifiers(
  params: LoadoutActionContext & LoadoutIdentifiers,
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) => apiUpdateLoadoutIdentifiers(http, updateBody(params)),
    loadoutRequest(params),
    options,
  );
}

/** Empties the slot: its items go, its identifiers return to the game's first ones. */
export async function clearLoadout(
  params: LoadoutActionContext,
  options?: CallOptions,
): Promise<void> {
  await bungieFetch((http) => apiClearLoadout(http, body(params)), loadoutRequest(params), options);
}
