import "server-only";
import {
  getCharacter as apiGetCharacter,
  getItem as apiGetItem,
  getProfile as apiGetProfile,
  type BungieMembershipType,
  type DestinyCharacterResponse,
  type DestinyComponentType,
  type DestinyItemResponse,
  type DestinyProfileResponse,
} from "bungie-api-ts/destiny2";
import { ComponentType } from "@/lib/destiny/api-enums";
import { bungieFetch, type CallOptions } from "./fetch";

/** What an inventory page needs; reshapeProfile() understands all of these. */
export const INVENTORY_COMPONENTS: readonly number[] = [
  ComponentType.Profiles,
  ComponentType.ProfileInventories,
  ComponentType.ProfileCurrencies,
  ComponentType.Characters,
  ComponentType.CharacterInventories,
  ComponentType.CharacterActivities,
  ComponentType.CharacterEquipment,
  // The game's loadout slots ride along: the loadouts page costs no call of its own.
  ComponentType.CharacterLoadouts,
  ComponentType.ItemInstances,
  ComponentType.ItemStats,
  ComponentType.ItemSockets,
];

/**
 * What the account page shows (name, characters, currencies and the account-wide materials):
 * no item instances, stats, sockets or character inventories. For a full vault that is a small
 * fraction of the inventory profile's JSON to render, send, parse and reshape.
 */
export const ACCOUNT_COMPONENTS: readonly number[] = [
  ComponentType.Profiles,
  ComponentType.ProfileInventories,
  ComponentType.ProfileCurrencies,
  ComponentType.Characters,
  ComponentType.CharacterActivities,
];

export type ProfileParams = {
  membershipType: number;
  /** The Destiny membership id. */
  membershipId: string;
  /** DestinyComponentType values; defaults to INVENTORY_COMPONENTS. */
  components?: readonly number[];
  /** Needed for private components (vault, inventories, currencies) of the token's own account. */
  accessToken?: string;
};

/** GetProfile; pass the result to reshapeProfile() before it leaves the server. */
export function getProfile(
  params: ProfileParams,
  options?: CallOptions,
): Promise<DestinyProfileResponse> {
  return bungieFetch(
    (http) =>
      apiGetProfile(http, {
        membershipType: params.membershipType as BungieMembershipType,
        destinyMembershipId: params.membershipId,
        components: components(params.components ?? INVENTORY_COMPONENTS),
      }),
    { accessToken: params.accessToken },
    options,
  );
}

export function getCharacter(
  params: ProfileParams & { characterId: string },
  options?: CallOptions,
): Promise<DestinyCharacterResponse> {
  return bungieFetch(
    (http) =>
      apiGetCharacter(http, {
        membershipType: params.membershipType as BungieMembershipType,
        destinyMembershipId: params.membershipId,
        characterId: params.characterId,
        components: components(
          params.components ?? [
            ComponentType.Characters,
            ComponentType.CharacterInventories,
            ComponentType.CharacterActivities,
            ComponentType.CharacterEquipment,
            ComponentType.ItemInstances,
            ComponentType.ItemStats,
            ComponentType.ItemSockets,
          ],
        ),
      }),
    { accessToken: params.accessToken },
    options,
  );
}

export function getItem(
  params: ProfileParams & { itemInstanceId: string },
  options?: CallOptions,
): Promise<DestinyItemResponse> {
  return bungieFetch(
    (http) =>
      apiGetItem(http, {
        membershipType: params.membershipType as BungieMembershipType,
        destinyMembershipId: params.membershipId,
        itemInstanceId: params.itemInstanceId,
        components: components(
          params.components ?? [
            ComponentType.ItemCommonData,
            ComponentType.ItemInstances,
            ComponentType.ItemStats,
            ComponentType.ItemSockets,
          ],
        ),
      }),
    { accessToken: params.accessToken },
    options,
  );
}

/** Our plain numbers as bungie-api-ts' (const enum) component type. */
export function components(values: readonly number[]): DestinyComponentType[] {
  return values as DestinyComponentType[];
}
