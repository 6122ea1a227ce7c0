import { Suspense, type ReactNode } from "react";
import { valueIfKnown } from "@/lib/async/known-within";

type Props<T> = { data: Promise<T>; fallback: ReactNode; children: (value: T) => ReactNode };

/**
 * A page's data, drawn complete in the first HTML when it is at hand (cached: a few ms), and
 * behind a skeleton that streams in place when it is not (Bungie: hundreds of ms). A route-level
 * loading.tsx always sends the skeleton, a hidden copy of the page and a script to swap them,
 * which React reveals after the page's scripts on a phone: the page painted a second later.
 */
export async function WhenReady<T>({ data, fallback, children }: Props<T>) {
  const known = await valueIfKnown(data);
  if (known) return children(known.value);
  return (
    <Suspense fallback={fallback}>
      <Settled data={data}>{children}</Settled>
    </Suspense>
  );
}

async function Settled<T>({ data, children }: Omit<Props<T>, "fallback">) {
  return children(await data);
}
