// A small but complete manifest for the integration tests: every table lib/manifest imports, in
// Bungie's shapes, in two versions (B renames every item, so a reader can tell which it got).
import { generateItemDefinition, generatedItemHash } from "@/bench/manifest/generate";
import { BucketHashes } from "@/lib/destiny/buckets";
import {
  ClassHashes,
  DamageTypeHashes,
  GenderHashes,
  RaceHashes,
  StatHashes,
} from "@/lib/destiny/game-facts";
import type { ManifestTableName } from "@/lib/manifest/types";

export type FixtureTables = Record<ManifestTableName, Record<string, unknown>>;

export const FIXTURE_ITEM_COUNT = 1_200;

export function fixtureItemHashes(count = FIXTURE_ITEM_COUNT): number[] {
  return Array.from({ length: count }, (_, i) => generatedItemHash(i));
}

function keyed(definitions: Record<string, unknown>[]): Record<string, unknown> {
  return Object.fromEntries(definitions.map((d) => [String(d.hash), d]));
}

const display = (name: string, icon = "") => ({
  name,
  description: `${name}.`,
  icon,
  hasIcon: icon !== "",
});

export function fixtureTables(versionTag: "A" | "B"): FixtureTables {
  const items = Array.from({ length: FIXTURE_ITEM_COUNT }, (_, i) => {
    const item = generateItemDefinition(i);
    const props = item.displayProperties as { name: string };
    return { ...item, displayProperties: { ...props, name: `${props.name} ${versionTag}` } };
  });
  return {
    DestinyInventoryItemDefinition: keyed(items),
    DestinyInventoryBucketDefinition: keyed([
      {
        hash: BucketHashes.KineticWeapons,
        displayProperties: display("Kinetic Weapons"),
        category: 3,
        bucketOrder: 20,
        itemCount: 10,
        scope: 0,
        location: 1,
        hasTransferDestination: true,
        enabled: true,
      },
      {
        hash: BucketHashes.General,
        displayProperties: display("General"),
        category: 1,
        bucketOrder: 0,
        itemCount: 700,
        scope: 1,
        location: 2,
        hasTransferDestination: true,
        enabled: true,
      },
    ]),
    DestinyClassDefinition: keyed([
      {
        hash: ClassHashes.Titan,
        classType: 0,
        displayProperties: display("Titan"),
        genderedClassNamesByGenderHash: {
          [GenderHashes.Male]: "Titan",
          [GenderHashes.Female]: "Titan",
        },
      },
      {
        hash: ClassHashes.Hunter,
        classType: 1,
        displayProperties: display("Hunter"),
        genderedClassNamesByGenderHash: {},
      },
      {
        hash: ClassHashes.Warlock,
        classType: 2,
        displayProperties: display("Warlock"),
        genderedClassNamesByGenderHash: {},
      },
    ]),
    DestinyRaceDefinition: keyed([
      {
        hash: RaceHashes.Awoken,
        raceType: 1,
        displayProperties: display("Awoken"),
        genderedRaceNamesByGenderHash: {},
      },
    ]),
    DestinyGenderDefinition: keyed([
      { hash: GenderHashes.Male, genderType: 0, displayProperties: display("Male") },
      { hash: GenderHashes.Female, genderType: 1, displayProperties: display("Female") },
    ]),
    DestinyStatDefinition: keyed([
      {
        hash: StatHashes.Impact,
        displayProperties: display("Impact"),
        statCategory: 1,
        aggregationType: 0,
      },
      {
        hash: StatHashes.Range,
        displayProperties: display("Range"),
        statCategory: 1,
        aggregationType: 0,
      },
    ]),
    DestinyDamageTypeDefinition: keyed([
      {
        hash: DamageTypeHashes.Kinetic,
        displayProperties: display("Kinetic", "/img/kinetic.png"),
        enumValue: 1,
        showIcon: true,
        transparentIconPath: "",
        color: { red: 255, green: 255, blue: 255, alpha: 255 },
      },
    ]),
    DestinyVendorDefinition: keyed([
      {
        hash: 2190858386,
        displayProperties: {
          ...display("Xûr", "/img/xur.png"),
          subtitle: "Agent of the Nine",
          largeIcon: "",
        },
        groups: [{ vendorGroupHash: 1 }],
        enabled: true,
        visible: true,
      },
    ]),
    DestinyVendorGroupDefinition: keyed([{ hash: 1, order: 3, categoryName: "Limited-Time" }]),
    DestinyActivityDefinition: keyed([
      {
        hash: 1,
        displayProperties: display(`Vault of Glass ${versionTag}`),
        pgcrImage: "/img/vog.jpg",
        activityTypeHash: 2043403989,
        destinationHash: 2,
        placeHash: 3,
        activityLightLevel: 530,
        tier: 0,
        isPvP: false,
        isPlaylist: false,
        activityModeTypes: [4],
      },
    ]),
    DestinySocketTypeDefinition: keyed([
      {
        hash: 10,
        displayProperties: display(""),
        socketCategoryHash: 4241085061,
        plugWhitelist: [{ categoryHash: 7906839, categoryIdentifier: "frames" }],
      },
    ]),
    DestinyItemCategoryDefinition: keyed([
      {
        hash: 1,
        displayProperties: display("Weapon"),
        shortTitle: "Weapon",
        visible: true,
        grantDestinyItemType: 3,
        grantDestinySubType: 0,
        grantDestinyClass: 3,
        parentCategoryHashes: [],
      },
    ]),
    DestinyLoadoutConstantsDefinition: keyed([
      {
        hash: 1,
        displayProperties: display("Loadouts"),
        loadoutCountPerCharacter: 2,
        loadoutNameHashes: [11],
        loadoutIconHashes: [21],
        loadoutColorHashes: [31],
      },
    ]),
    DestinyLoadoutNameDefinition: keyed([{ hash: 11, index: 0, name: "Raid" }]),
    DestinyLoadoutIconDefinition: keyed([{ hash: 21, index: 0, iconImagePath: "/i/21.png" }]),
    DestinyLoadoutColorDefinition: keyed([{ hash: 31, index: 0, colorImagePath: "/c/31.png" }]),
  };
}
