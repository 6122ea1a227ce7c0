// Cached data settles within a few milliseconds; data that Bungie has to send takes hundreds. A
// page that waits this long before choosing draws what is at hand complete in its first HTML
// (no skeleton, no hidden copy and no script to swap it in, which a phone pays for in its first
// paint), and streams only what is really slow.

/** How long a page waits for data that is already cached. A cold visit starts streaming this much later. */
export const KNOWN_WITHIN_MS = 25;

/** The promise's value if it settles within `ms`, else null. A rejection within `ms` is thrown. */
export async function valueIfKnown<T>(
  promise: Promise<T>,
  ms = KNOWN_WITHIN_MS,
): Promise<{ value: T } | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The promises that settle within `ms`, as their values; the rest as they are. A rejected one
 * stays a promise: whoever renders it shows its error.
 */
export async function withKnownValues<T>(
  promises: Record<string, Promise<T>>,
  ms = KNOWN_WITHIN_MS,
): Promise<Record<string, T | Promise<T>>> {
  const known = new Map<string, T>();
  const all = Object.entries(promises).map(([key, promise]) =>
    promise.then((value) => void known.set(key, value)),
  );
  // allSettled never rejects: this only waits, up to `ms`, for what is at hand.
  await valueIfKnown(Promise.allSettled(all), ms);
  return Object.fromEntries(
    Object.entries(promises).map(([key, promise]) => [
      key,
      known.has(key) ? (known.get(key) as T) : promise,
    ]),
  );
}
