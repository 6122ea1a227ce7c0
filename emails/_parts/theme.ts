// Inline styles for the emails (mail clients ignore stylesheets). The app's palette
// (app/globals.css), with contrast kept at WCAG AA on the dark panels.

export const colors = {
  ink: "#0b0d12",
  panel: "#151923",
  panel2: "#1d2330",
  line: "#2c3445",
  muted: "#a3acbd",
  text: "#e8ecf3",
  accent: "#f2c14e",
  accentInk: "#1a1406",
} as const;

/** Rarity (Bungie's TierType) → the game's rarity colour. */
export const RARITY_COLORS: Record<number, string> = {
  6: "#ceae33",
  5: "#8a5fc0",
  4: "#5076a3",
  3: "#366f42",
  2: "#c3bcb4",
};

export const fontFamily =
  'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/**
 * Rarity names as text on the dark panels: the legendary, rare and common tones are too dark
 * for WCAG AA as text, so those rarities are named in lighter tints of the same hues.
 */
export const RARITY_TEXT_COLORS: Record<number, string> = {
  6: "#ceae33",
  5: "#b99be0",
  4: "#8fb0d6",
  3: "#7fc08b",
  2: "#c3bcb4",
};
