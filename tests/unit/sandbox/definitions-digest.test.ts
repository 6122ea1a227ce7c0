// The generated manifest is a pure function of the code: every hash and definition stays put
// when the builders are reorganised (apps cache the manifest and recordings name real and
// invented hashes alike). These digests were taken before `buildItemTables` became section
// builders; a deliberate change of a definition updates them with `-u`.
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
        "DestinyActivityDefinition": "c162926c49233a56",
        "DestinyClassDefinition": "5a83cca5d12824f3",
        "DestinyDamageTypeDefinition": "b3689ba483005533",
        "DestinyGenderDefinition": "59768ced3be558fd",
        "DestinyInventoryBucketDefinition": "4feffa75d1a09427",
        "DestinyInventoryItemDefinition": "a679e9a65beabada",
        "DestinyItemCategoryDefinition": "613174eda6db4ce2",
        "DestinyRaceDefinition": "2f7fdca41bbcce61",
        "DestinySandboxPerkDefinition": "b4c564a60254fcfc",
        "DestinySocketCategoryDefinition": "e1e9871d1cc970b9",
        "DestinySocketTypeDefinition": "3b7be6090b54e0fe",
        "DestinyStatDefinition": "666b867dfd02cf00",
        "DestinyVendorDefinition": "0cc573208195b7d9",
        "DestinyVendorGroupDefinition": "99e7649ef0369e16",
      }
    `);
    expect({
      meta: digest([...defs.meta.entries()]),
      perkForPlug: digest([...defs.perkForPlug.entries()]),
      vendorSpecs: digest(defs.vendorSpecs),
      socketTypes: digest(defs.socketTypes),
      activities: digest(defs.activities),
      hostile: digest(defs.hostile),
    }).toMatchInlineSnapshot(`
      {
        "activities": "f41828beab4ea14c",
        "hostile": "44fa610ba9a0f42c",
        "meta": "75665ae830b95fd8",
        "perkForPlug": "63a45ad8d51702ce",
        "socketTypes": "0f9a11736abc96da",
        "vendorSpecs": "f0c257fcdfa6d1a8",
      }
    `);
  });
});
