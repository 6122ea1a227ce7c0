// TierType → the game's tier colour as Tailwind classes (theme colours in app/globals.css), for
// items in the inventory and sales at the vendors. Text colours are lighter tints where the
// game's own tone (legendary, rare, common) is too dark on our panels to pass WCAG AA.

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
