import "server-only";
import { ComponentPrivacy } from "@/lib/destiny/api-enums";

type Component<T> = { data?: T; privacy?: number; disabled?: boolean } | undefined | null;

/**
 * The data of a Single/DictionaryComponentResponse, or undefined. A component the caller may not
 * see arrives as `{"privacy": 2}` without data (Bungie-net/api#499): its name goes to `privateOut`
 * so the page can say "private" instead of "empty". The owner's own private components come
 * with data AND privacy 2, so privacy alone means nothing.
 */
export function componentData<T>(
  component: Component<T>,
  name: string,
  privateOut: string[],
): T | undefined {
  if (!component) return undefined;
  if (component.data === undefined || component.data === null) {
    if (component.privacy === ComponentPrivacy.Private && !privateOut.includes(name)) {
      privateOut.push(name);
    }
    return undefined;
  }
  return component.data;
}

/** int64 fields arrive as JSON strings (Bungie-net/api#549); counters fit in a double. */
export function toNumber(value: unknown, fallback = 0): number {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : fallback;
}

/** int64 ids stay strings: a 19-digit membership id does not survive a double. */
export function toId(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return "";
}

export function nonEmpty(value: string | undefined | null): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function optionalNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
