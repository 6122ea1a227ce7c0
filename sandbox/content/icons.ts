// Icons for every path the sandbox hands out: a rarity-coloured tile with a glyph for the
// item category, derived from the file name (`<category>-<rarity>-<key>.png`), cached.
import { fnv1a } from "../world/prng";
import { encodePng } from "./png";

type Rgb = readonly [number, number, number];

/** Destiny's rarity colours: basic, common, rare, legendary, exotic. */
const RARITY_COLOURS: Record<number, Rgb> = {
  2: [195, 188, 180],
  3: [54, 111, 66],
  4: [80, 118, 163],
  5: [82, 47, 101],
  6: [206, 174, 51],
};

const cache = new Map<string, Buffer>();
const CACHE_LIMIT = 4000;

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** Glyph masks on a unit square: true where the glyph is drawn. */
const GLYPHS: Record<string, (x: number, y: number) => boolean> = {
  // A rifle-ish diagonal bar with a grip.
  weapon: (x, y) =>
    Math.abs(x - y) < 0.09 ||
    (x > 0.3 && x < 0.42 && y > 0.45 && y < 0.75 && Math.abs(x - y + 0.25) < 0.12),
  // A shield.
  armor: (x, y) =>
    y > 0.2 && y < 0.85 && Math.abs(x - 0.5) < 0.32 * (1 - Math.max(0, y - 0.55) * 2.2),
  ghost: (x, y) =>
    Math.abs(x - 0.5) + Math.abs(y - 0.5) < 0.3 && Math.abs(x - 0.5) + Math.abs(y - 0.5) > 0.12,
  ship: (x, y) => y > 0.3 && y < 0.7 && Math.abs(x - 0.5) < (y - 0.3) * 1.1,
  vehicle: (x, y) => Math.abs(y - 0.55) < 0.08 + 0.1 * Math.abs(x - 0.5) && x > 0.15 && x < 0.85,
  subclass: (x, y) => Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.28) < 0.06,
  perk: (x, y) => Math.hypot(x - 0.5, y - 0.5) < 0.3,
  mod: (x, y) => Math.abs(x - 0.5) < 0.25 && Math.abs(y - 0.5) < 0.25 && (x + y) % 0.25 < 0.15,
  currency: (x, y) => Math.hypot(x - 0.5, y - 0.5) < 0.3 && Math.hypot(x - 0.5, y - 0.5) > 0.18,
  material: (x, y) => Math.abs(x - 0.5) + Math.abs(y - 0.5) < 0.3,
  consumable: (x, y) => Math.abs(x - 0.5) < 0.14 && y > 0.2 && y < 0.8,
  vendor: (x, y) =>
    Math.hypot(x - 0.5, y - 0.38) < 0.16 || (y > 0.6 && y < 0.85 && Math.abs(x - 0.5) < 0.3),
  damage: (x, y) => Math.abs(x - 0.5) + Math.abs(y - 0.5) < 0.34,
};

function parse(name: string): { category: string; rarity: number } {
  const match = /^([a-z]+)-(\d)-/.exec(name);
  return match
    ? { category: match[1] ?? "", rarity: Number(match[2]) }
    : { category: "", rarity: 0 };
}

/** The PNG for an icon file name (without directories). */
export function renderIcon(name: string): Buffer {
  const cached = cache.get(name);
  if (cached) return cached;
  const { category, rarity } = parse(name);
  const seed = fnv1a(name);
  const wide = category === "emblembg";
  const width = wide ? 474 : 96;
  const height = 96;
  const background: Rgb = RARITY_COLOURS[rarity] ?? hslToRgb(seed % 360, 0.45, 0.35);
  const accent = hslToRgb((seed >>> 9) % 360, 0.7, 0.72);
  const glyph = GLYPHS[category];
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const border = x < 3 || y < 3 || x >= width - 3 || y >= height - 3;
      // A soft vertical gradient so tiles don't look flat.
      const shade = 1 - (y / height) * 0.35;
      let colour: Rgb = [background[0] * shade, background[1] * shade, background[2] * shade];
      if (border)
        colour = [
          Math.min(255, background[0] + 60),
          Math.min(255, background[1] + 60),
          Math.min(255, background[2] + 60),
        ];
      else if (glyph && !wide && glyph(x / width, y / height)) colour = accent;
      else if (wide && x < 96 && Math.hypot(x - 48, y - 48) < 30) colour = accent;
      const i = (y * width + x) * 3;
      rgb[i] = colour[0];
      rgb[i + 1] = colour[1];
      rgb[i + 2] = colour[2];
    }
  }
  const png = encodePng(width, height, rgb);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, png);
  return png;
}
