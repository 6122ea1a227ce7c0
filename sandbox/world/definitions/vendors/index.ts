// The vendor tables: the game's vendors screen, the vendors beyond it, and their builder.
export { buildVendorTables, type VendorTables } from "./build";
export type { Refresh, VendorDefinition, VendorGroupDefinition, VendorSpec } from "./types";
