import "server-only";
import {
  getPublicVendors as apiGetPublicVendors,
  getVendor as apiGetVendor,
  getVendors as apiGetVendors,
  type BungieMembershipType,
  type DestinyPublicVendorsResponse,
  type DestinyVendorFilter,
  type DestinyVendorResponse,
  type DestinyVendorsResponse,
} from "bungie-api-ts/destiny2";
import { ComponentType } from "@/lib/destiny/api-enums";
import { bungieFetch, type CallOptions } from "./fetch";
import { components } from "./profile";

/** Vendors (400) and their sales (402): what reshapeVendors() reads. */
export const VENDOR_COMPONENTS: readonly number[] = [
  ComponentType.Vendors,
  ComponentType.VendorSales,
];

export type CharacterVendorParams = {
  membershipType: number;
  membershipId: string;
  characterId: string;
  /** Vendors of a character need the player's token (ReadDestinyInventoryAndVault). */
  accessToken: string;
  components?: readonly number[];
};

export function getVendors(
  params: CharacterVendorParams & { filter?: number },
  options?: CallOptions,
): Promise<DestinyVendorsResponse> {
  return bungieFetch(
    (http) =>
      apiGetVendors(http, {
        membershipType: params.membershipType as BungieMembershipType,
        destinyMembershipId: params.membershipId,
        characterId: params.characterId,
        components: components(params.components ?? VENDOR_COMPONENTS),
        filter: params.filter as DestinyVendorFilter | undefined,
      }),
    { accessToken: params.accessToken },
    options,
  );
}

export function getVendor(
  params: CharacterVendorParams & { vendorHash: number },
  options?: CallOptions,
): Promise<DestinyVendorResponse> {
  return bungieFetch(
    (http) =>
      apiGetVendor(http, {
        membershipType: params.membershipType as BungieMembershipType,
        destinyMembershipId: params.membershipId,
        characterId: params.characterId,
        vendorHash: params.vendorHash,
        components: components(params.components ?? VENDOR_COMPONENTS),
      }),
    { accessToken: params.accessToken },
    options,
  );
}

/** Vendors as anyone sees them (no player): Bungie marks this endpoint preview. */
export function getPublicVendors(
  params: { components?: readonly number[] } = {},
  options?: CallOptions,
): Promise<DestinyPublicVendorsResponse> {
  return bungieFetch(
    (http) =>
      apiGetPublicVendors(http, { components: components(params.components ?? VENDOR_COMPONENTS) }),
    {},
    options,
  );
}
