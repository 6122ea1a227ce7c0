// How tiers and damage types look. Text colours are lighter tints where the game's own tone is
// too dark on our panels to pass WCAG AA.

const TIER_BORDER: Record<number, string> = {
  6: "border-tier-exotic",
  5: "border-tier-legendary",
  4: "border-tier-rare",
  3: "border-tier-common",
  2: "border-tier-basic",
};
const TIER_BACKGROUND: Record<number, string> = {
  6: "bg-tier-exotic/25",
  5: "bg-tier-legendary/25",
  4: "bg-tier-rare/25",
  3: "bg-tier-common/25",
  2: "bg-tier-basic/20",
};
const TIER_TEXT: Record<number, string> = {
  6: "text-tier-exotic",
  5: "text-[#b99be0]",
  4: "text-[#8fb0d6]",
  3: "text-[#7fc08b]",
  2: "text-tier-basic",
};

export function tierBorder(tierType: number): string {
  return TIER_BORDER[tierType] ?? "border-line";
}
export function tierBackground(tierType: number): string {
  return TIER_BACKGROUND[tierType] ?? "bg-panel-2";
}
export function tierText(tierType: number): string {
  return TIER_TEXT[tierType] ?? "text-muted";
}

/** DamageType enum → name and a colour readable on dark panels. */
export const DAMAGE_TYPES: Record<number, { name: string; color: string }> = {
  1: { name: "Kinetic", color: "#e8e8e8" },
  2: { name: "Arc", color: "#7fd3f7" },
  3: { name: "Solar", color: "#f6a34b" },
  4: { name: "Void", color: "#c39be0" },
  6: { name: "Stasis", color: "#8fa8f0" },
  7: { name: "Strand", color: "#5fdc9a" },
};
