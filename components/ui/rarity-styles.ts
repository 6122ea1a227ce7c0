// An item's rarity (Bungie's Rarity: 6 Exotic, 5 Legendary, 4 Rare, 3 Common, 2 Basic) as the
// game colours it, in Tailwind classes (theme colours in app/globals.css). Not to be confused
// with the gear tier (1-5) of Edge of Fate, which components/ui/gear-tier.tsx shows.

const BORDER: Record<number, string> = {
  6: "border-rarity-exotic",
  5: "border-rarity-legendary",
  4: "border-rarity-rare",
  3: "border-rarity-common",
  2: "border-rarity-basic",
};
const BACKGROUND: Record<number, string> = {
  6: "bg-rarity-exotic/25",
  5: "bg-rarity-legendary/25",
  4: "bg-rarity-rare/25",
  3: "bg-rarity-common/25",
  2: "bg-rarity-basic/20",
};
// Text on the dark panels: the legendary, rare and common tones are too dark for WCAG AA as
// text, so those rarities are named in a lighter tint of the same hue.
const TEXT: Record<number, string> = {
  6: "text-rarity-exotic",
  5: "text-[#b99be0]",
  4: "text-[#8fb0d6]",
  3: "text-[#7fc08b]",
  2: "text-rarity-basic",
};

export function rarityBorder(rarity: number): string {
  return BORDER[rarity] ?? "border-line";
}

export function rarityBackground(rarity: number): string {
  return BACKGROUND[rarity] ?? "bg-panel-2";
}

export function rarityText(rarity: number): string {
  return TEXT[rarity] ?? "text-muted";
}
