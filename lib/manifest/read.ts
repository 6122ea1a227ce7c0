// Defensive readers for Bungie's JSON. Definitions are not validated against a schema (a 150 MB
// table would make that the slowest part of an import), so each field is read with a default:
// Bungie omits fields freely, and a missing one must never fail an import.
import type { DisplayProperties } from "./types";

export type Json = Record<string, unknown>;

export function record(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

export function recordOrNull(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

/** PostgreSQL's jsonb rejects U+0000, which would fail a whole import over one character. */
function clean(value: string): string {
  return value.includes("\0") ? value.replaceAll("\0", "") : value;
}

export function str(value: unknown, fallback = ""): string {
  return typeof value === "string" ? clean(value) : fallback;
}

/** A path-like string, or null when missing or empty (Bungie uses "" for "no image"). */
export function path(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? clean(value) : null;
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function numOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function bool(value: unknown, fallback = false): boolean {
  return typeof value === "boolean" ? value : fallback;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function numbers(value: unknown): number[] {
  return list(value).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** A `{ key: string }` map (gendered names), dropping non-string values. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(record(value)))
    if (typeof v === "string") out[key] = clean(v);
  return out;
}

export function displayProperties(value: unknown): DisplayProperties {
  const d = record(value);
  return { name: str(d.name), description: str(d.description), icon: path(d.icon) };
}

/** A Destiny hash (uint32), or null. Signed values (as in Bungie's SQLite files) are unsigned. */
export function toHash(value: unknown): number | null {
  const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < -0x80000000 || n > 0xffffffff)
    return null;
  return n >>> 0;
}

/** The definition's own hash, else the table key it was stored under; null when neither is. */
export function hashOf(definition: Json, key: string): number | null {
  return toHash(definition.hash) ?? toHash(key);
}
