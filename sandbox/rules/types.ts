// Shared shapes of the pure game rules: each rule looks at the items and answers either a
// plan to carry out or Bungie's error code.
import type { ItemMeta } from "../world/definitions";
import type { WorldItem } from "../world/types";

export type RuleResult<P> = { ok: true; plan: P } | { ok: false; code: number };

export type MetaOf = (itemHash: number) => ItemMeta | undefined;

export interface InventoryView {
  items: readonly WorldItem[];
  byInstanceId: ReadonlyMap<string, WorldItem>;
  metaOf: MetaOf;
}

export const fail = (code: number): { ok: false; code: number } => ({ ok: false, code });

/** Codes the rules answer with (names as Bungie's PlatformErrorCodes). */
export const RuleCodes = {
  InvalidParameters: 18,
  DestinyCharacterNotFound: 1620,
  DestinyInvalidRequest: 1622,
  DestinyItemNotFound: 1623,
  DestinyItemUnequippable: 1640,
  DestinyItemUniqueEquipRestricted: 1641,
  DestinyNoRoomInDestination: 1642,
  DestinyCannotPerformActionOnEquippedItem: 1656,
  DestinyItemNotTransferrable: 1660,
  DestinyItemActionForbidden: 1663,
  DestinyCannotPerformActionAtThisLocation: 1671,
  DestinyFailedPlugInsertionRules: 1676,
  DestinySocketNotFound: 1677,
  DestinySocketActionNotAllowed: 1678,
  DestinySocketAlreadyHasPlug: 1679,
} as const;
