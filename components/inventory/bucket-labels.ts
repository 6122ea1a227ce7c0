import { BucketHashes } from "@/lib/destiny/buckets";

/** The buckets a character page shows, in the game's order, with their names. */
export const CHARACTER_BUCKETS: {
  hash: number;
  label: string;
  group: "weapons" | "armor" | "gear";
}[] = [
  { hash: BucketHashes.KineticWeapons, label: "Kinetic", group: "weapons" },
  { hash: BucketHashes.EnergyWeapons, label: "Energy", group: "weapons" },
  { hash: BucketHashes.PowerWeapons, label: "Power", group: "weapons" },
  { hash: BucketHashes.Helmet, label: "Helmet", group: "armor" },
  { hash: BucketHashes.Gauntlets, label: "Gauntlets", group: "armor" },
  { hash: BucketHashes.ChestArmor, label: "Chest", group: "armor" },
  { hash: BucketHashes.LegArmor, label: "Legs", group: "armor" },
  { hash: BucketHashes.ClassArmor, label: "Class item", group: "armor" },
  { hash: BucketHashes.Subclass, label: "Subclass", group: "gear" },
  { hash: BucketHashes.Ghost, label: "Ghost", group: "gear" },
  { hash: BucketHashes.Vehicle, label: "Sparrow", group: "gear" },
  { hash: BucketHashes.Ships, label: "Ship", group: "gear" },
  { hash: BucketHashes.Emblems, label: "Emblem", group: "gear" },
];

export function bucketLabel(bucketHash: number): string {
  return CHARACTER_BUCKETS.find((b) => b.hash === bucketHash)?.label ?? "Other";
}
