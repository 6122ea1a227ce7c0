// How damage types look (rarity colours are in components/ui/rarity-styles.ts).

/** DamageType enum → name and a colour readable on dark panels. */
export const DAMAGE_TYPES: Record<number, { name: string; color: string }> = {
  1: { name: "Kinetic", color: "#e8e8e8" },
  2: { name: "Arc", color: "#7fd3f7" },
  3: { name: "Solar", color: "#f6a34b" },
  4: { name: "Void", color: "#c39be0" },
  6: { name: "Stasis", color: "#8fa8f0" },
  7: { name: "Strand", color: "#5fdc9a" },
};
