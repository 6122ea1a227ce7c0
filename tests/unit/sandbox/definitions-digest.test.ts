// The generated manifest is a pure function of the code: every hash and definition stays put
// when the builders are reorganised (apps cache the manifest and recordings name real and
// invented hashes alike). These digests were taken before `buildItemTables` became section
// builders, and taken again, deliberately, when the world grew to the real game's size and 2026
// shape (vendors, currencies, power and gear tiers, subclass sockets, loadout definitions); a
// deliberate change of a definition updates them with `-u`.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getManifestDefinitions } from "@/sandbox/world/definitions";

function digest(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

describe("generated manifest (snapshot digests)", () => {
  it("builds every definition table, item fact and vendor spec as before", () => {
    const defs = getManifestDefinitions();
    const tables = Object.fromEntries(
      Object.entries(defs.tables).map(([name, table]) => [name, digest(table)]),
    );
    expect(tables).toMatchInlineSnapshot(`
      {
        "DestinyActivityDefinition": "eefff43fd927ac01",
        "DestinyClassDefinition": "5a83cca5d12824f3",
        "DestinyDamageTypeDefinition": "b3689ba483005533",
        "DestinyGenderDefinition": "59768ced3be558fd",
        "DestinyInventoryBucketDefinition": "61ea3364f9bf29f9",
        "DestinyInventoryItemDefinition": "dccac33723f8881f",
        "DestinyItemCategoryDefinition": "613174eda6db4ce2",
        "DestinyLoadoutColorDefinition": "7dd3b078ffab61b5",
        "DestinyLoadoutConstantsDefinition": "59d1405987796058",
        "DestinyLoadoutIconDefinition": "75b9bc3c04eaf390",
        "DestinyLoadoutNameDefinition": "d77cad377e7e099b",
        "DestinyPlugSetDefinition": "7070061d61ad1c5d",
        "DestinyRaceDefinition": "2f7fdca41bbcce61",
        "DestinySandboxPerkDefinition": "b4c564a60254fcfc",
        "DestinySocketCategoryDefinition": "27c3f018b0073231",
        "DestinySocketTypeDefinition": "cea92cc7777274fc",
        "DestinyStatDefinition": "666b867dfd02cf00",
        "DestinyVendorDefinition": "d49000dd87d53d2c",
        "DestinyVendorGroupDefinition": "5bdd2fb7b3f2e1ba",
      }
    `);
    expect({
      meta: digest([...defs.meta.entries()]),
      perkForPlug: digest([...defs.perkForPlug.entries()]),
      vendorSpecs: digest(defs.vendorSpecs),
      vendorScreen: digest(defs.vendorScreen),
      loadouts: digest(defs.loadouts),
      socketTypes: digest(defs.socketTypes),
      activities: digest(defs.activities),
      hostile: digest(defs.hostile),
    }).toMatchInlineSnapshot(`
      {
        "activities": "f41828beab4ea14c",
        "hostile": "1a5adbe2b7bb217b",
        "loadouts": "1a968cf066317eed",
        "meta": "e67a88046aa3583d",
        "perkForPlug": "63a45ad8d51702ce",
        "socketTypes": "24fa8096708f6729",
        "vendorScreen": "ff8f59d311ac823e",
        "vendorSpecs": "dab561de5e1701e7",
      }
    `);
  });
});
