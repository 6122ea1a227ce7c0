import "server-only";

/** "Name#0042" from Bungie's name and numeric code (codes are shown padded to four digits). */
export function formatBungieName(
  name: string | undefined | null,
  code: number | undefined | null,
): string | null {
  if (!name || code === undefined || code === null) return null;
  return `${name}#${String(code).padStart(4, "0")}`;
}

/** Splits "Name#0042" into the parts SearchDestinyPlayerByBungieName takes; null if malformed. */
export function parseBungieName(
  bungieName: string,
): { displayName: string; displayNameCode: number } | null {
  const match = /^(.+)#(\d{1,4})$/.exec(bungieName.trim());
  if (!match) return null;
  return { displayName: match[1]!, displayNameCode: Number(match[2]) };
}
