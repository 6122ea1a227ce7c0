// TierType → the game's tier colour as Tailwind classes (theme colours in app/globals.css).

const BORDER: Record<number, string> = {
  6: "border-tier-exotic",
  5: "border-tier-legendary",
  4: "border-tier-rare",
  3: "border-tier-common",
  2: "border-tier-basic",
};

// Text on the dark panels: the legendary and rare tones are too dark for WCAG AA as text, so
// those tiers are named in a lighter tint of the same hue.
const TEXT: Record<number, string> = {
  6: "text-tier-exotic",
  5: "text-[#b99be0]",
  4: "text-[#8fb0d6]",
  3: "text-[#7fc08b]",
  2: "text-tier-basic",
};

export function tierBorderClass(tierType: number): string {
  return BORDER[tierType] ?? "border-line";
}

export function tierTextClass(tierType: number): string {
  return TEXT[tierType] ?? "text-muted";
}
