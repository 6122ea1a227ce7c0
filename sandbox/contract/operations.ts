// The Bungie operations the sandbox implements, by spec path and method. The contract
// schemas are extracted for exactly these (sandbox/contract/extract-schemas.ts).

export const SANDBOX_OPERATIONS = [
  ["get", "/User/GetMembershipsForCurrentUser/"],
  ["get", "/User/GetBungieNetUserById/{id}/"],
  ["get", "/User/GetMembershipsById/{membershipId}/{membershipType}/"],
  ["get", "/Destiny2/{membershipType}/Profile/{membershipId}/LinkedProfiles/"],
  ["get", "/Destiny2/Manifest/"],
  ["get", "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/"],
  ["get", "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/"],
  ["get", "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Item/{itemInstanceId}/"],
  ["post", "/Destiny2/Actions/Items/TransferItem/"],
  ["post", "/Destiny2/Actions/Items/PullFromPostmaster/"],
  ["post", "/Destiny2/Actions/Items/EquipItem/"],
  ["post", "/Destiny2/Actions/Items/EquipItems/"],
  ["post", "/Destiny2/Actions/Items/SetLockState/"],
  ["post", "/Destiny2/Actions/Items/InsertSocketPlugFree/"],
  ["post", "/Destiny2/Actions/Loadouts/EquipLoadout/"],
  ["post", "/Destiny2/Actions/Loadouts/SnapshotLoadout/"],
  ["post", "/Destiny2/Actions/Loadouts/UpdateLoadoutIdentifiers/"],
  ["post", "/Destiny2/Actions/Loadouts/ClearLoadout/"],
  [
    "get",
    "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/",
  ],
  [
    "get",
    "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/{vendorHash}/",
  ],
  ["get", "/Destiny2/Vendors/"],
  ["get", "/GroupV2/User/{membershipType}/{membershipId}/{filter}/{groupType}/"],
  ["get", "/GroupV2/{groupId}/"],
  ["get", "/GroupV2/{groupId}/Members/"],
  ["post", "/Destiny2/SearchDestinyPlayerByBungieName/{membershipType}/"],
] as const;

/** Definition schemas the manifest files are checked against (keyed by table name). */
export const DEFINITION_SCHEMAS = [
  "Destiny.Definitions.DestinyInventoryItemDefinition",
  "Destiny.Definitions.DestinyInventoryBucketDefinition",
  "Destiny.Definitions.DestinyClassDefinition",
  "Destiny.Definitions.DestinyRaceDefinition",
  "Destiny.Definitions.DestinyGenderDefinition",
  "Destiny.Definitions.DestinyStatDefinition",
  "Destiny.Definitions.DestinyDamageTypeDefinition",
  "Destiny.Definitions.DestinyVendorDefinition",
  "Destiny.Definitions.DestinyVendorGroupDefinition",
  "Destiny.Definitions.DestinyActivityDefinition",
  "Destiny.Definitions.DestinyItemCategoryDefinition",
  "Destiny.Definitions.Sockets.DestinySocketTypeDefinition",
  "Destiny.Definitions.Sockets.DestinySocketCategoryDefinition",
  "Destiny.Definitions.DestinySandboxPerkDefinition",
  "Destiny.Definitions.Sockets.DestinyPlugSetDefinition",
  "Destiny.Definitions.Loadouts.DestinyLoadoutConstantsDefinition",
  "Destiny.Definitions.Loadouts.DestinyLoadoutNameDefinition",
  "Destiny.Definitions.Loadouts.DestinyLoadoutIconDefinition",
  "Destiny.Definitions.Loadouts.DestinyLoadoutColorDefinition",
] as const;
