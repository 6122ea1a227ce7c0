import "server-only";

/** "Name#0042" from Bungie's name and numeric code (codes are shown padded to four digits). */
export function formatBungieName(
  name: string | undefined | null,
  code: number | undefined | null,
): string | null {
  if (!name || code === undefined || code === null) return null;
  return `${name}#${String(code).padStart(4, "0")}`;
}
