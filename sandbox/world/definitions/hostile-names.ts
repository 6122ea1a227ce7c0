// Script and HTML payloads where Bungie sends names (world/hostile-names.ts applies them): the
// demo clan's name, motto and about, a clan member's name, two weapons and a vendor. The
// weapons and the vendor are manifest definitions, built after every other item and vendor so
// none of those moves; they live here, beside the builders, so the definitions import nothing
// from the world they describe.
import type { WeaponRow } from "../catalog";

export const HOSTILE_CLAN = {
  name: '<script>alert("clan")</script>',
  motto: '<img src=x onerror=alert("motto")>',
  about: '"><svg onload=alert("about")>',
} as const;

export const HOSTILE_PLAYER_NAME = '"><img src=x onerror=alert("player")>';

/** Handed to the demo player (equipped on every character) and sold by the hostile vendor. */
export const HOSTILE_ITEM = {
  name: '<img src=x onerror=alert("item")>',
  description: '"><svg onload=alert("description")>',
} as const;

/** Only sold, by the hostile vendor. */
export const HOSTILE_SALE = {
  name: '"><svg onload=alert(1)>',
  description: '<script>alert("sale")</script>',
} as const;

/** [weapon row, description] of HOSTILE_ITEM and HOSTILE_SALE, for the manifest. */
export const HOSTILE_WEAPONS: readonly (readonly [WeaponRow, string])[] = [
  [[HOSTILE_ITEM.name, "HandCannon", "K", "Kinetic"], HOSTILE_ITEM.description],
  [[HOSTILE_SALE.name, "PulseRifle", "E", "Arc"], HOSTILE_SALE.description],
];

export const HOSTILE_VENDOR = {
  name: '<script>alert("vendor")</script>',
  subtitle: '<img src=x onerror=alert("subtitle")>',
} as const;
