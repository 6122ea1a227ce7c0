import "server-only";

// Warmind's Bungie.net client. Getters return Bungie's typed responses (already checked: any
// ErrorCode other than Success throws a BungieError); pass them through a reshape*() before the
// data leaves the server, so pages and client components only see the types in ./types.

export { createBungieClient } from "./http";
export type { BungieClient, BungieClientConfig, ContentOptions, RequestOptions } from "./http";
export { getBungieClient, setBungieClient, limitScope, type LimitScope } from "./client";
export { bungieFetch, type CallOptions } from "./fetch";
export { BungieError, ClientErrorCodes, classifyBungieTrouble, isBungieError } from "./errors";
export type { BungieTrouble } from "./errors";
export { redact, redactValue } from "@/lib/log/redact";
export type { BungieLogger, LogLevel } from "./logger";
export { BUNGIE_LIMITS, createLimiter, unlimited } from "./limits";
export type {
  ActionKind,
  BungieLimiter,
  LimitSettings,
  LimitStore,
  Priority,
  RequestTicket,
} from "./limits";
export { createMemoryLimiter, createMemoryLimitStore } from "./memory-limit-store";
export { createRedisLimiter, createRedisLimitStore } from "./redis-limit-store";
export { DEFAULT_RETRY_POLICY, retryDelay, type RequestKind, type RetryPolicy } from "./retry";

export { getMembershipsForCurrentUser } from "./user";
export {
  getProfile,
  getCharacter,
  getItem,
  INVENTORY_COMPONENTS,
  ACCOUNT_COMPONENTS,
} from "./profile";
export type { ProfileParams } from "./profile";
export { getDestinyManifest, fetchContent } from "./manifest";
export {
  transferItem,
  pullFromPostmaster,
  equipItem,
  equipItems,
  insertSocketPlugFree,
  setItemLockState,
} from "./actions";
export type { ItemActionContext } from "./actions";
export {
  equipLoadout,
  snapshotLoadout,
  updateLoadoutIdentifiers,
  clearLoadout,
} from "./loadout-actions";
export type { LoadoutActionContext, LoadoutIdentifiers } from "./loadout-actions";
export { getVendors, getVendor, getPublicVendors, VENDOR_COMPONENTS } from "./vendors";
export { getGroupsForMember, getGroup, getMembersOfGroup } from "./groups";
export {
  BungieOAuthError,
  buildAuthorizeUrl,
  exchangeAuthorizationCode,
  refreshAccessToken,
  parseTokenResponse,
} from "./oauth";

export {
  reshapeMemberships,
  reshapeDestinyMembership,
  pickPrimaryMembership,
} from "./reshape/memberships";
export {
  reshapeProfile,
  reshapeCharacter,
  reshapeCharacterResponse,
  reshapeItemResponse,
} from "./reshape/profile";
export { reshapeVendors, reshapeVendor, reshapePublicVendors } from "./reshape/vendors";
export { reshapeGroup, reshapeGroupMember, reshapeGroupsForMember } from "./reshape/groups";
export { reshapeEquipResults } from "./reshape/equip";
export { reshapeLoadouts, reshapeLoadout } from "./reshape/loadouts";
export { formatBungieName } from "./reshape/bungie-name";
export type * from "./types";
