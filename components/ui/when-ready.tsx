import { Suspense, type ReactNode } from "react";
import { valueIfKnown } from "@/lib/async/known-within";

type Props<T> = { data: Promise<T>; fallback: ReactNode; children: (value: T) => ReactNode };

/**
 * A page's data, drawn complete in the first HTML when it is at hand (cached: a few ms), and
 * behind a skeleton that streams in place when it is not (Bungie: hundreds of ms). A route-level
 * loading.tsx always sends the skeleton, a hidden copy of the page and a script that swaps them,
 * and the swap came after the page's own scripts had run: Lighthouse's largest paint of the
 * account page at 2.7 s instead of 1.8 s on a phone.
 */
export async function WhenReady<T>({ data, fallback, children }: Props<T>) {
  const known = await valueIfKnown(data);
  // At hand, the page is drawn in place, complete, inside its own boundary all the same: React
  // then hydrates the header and the page in separate tasks instead of one long one.
  if (known) return <Suspense fallback={fallback}>{children(known.value)}</Suspense>;
  return (
    <Suspense fallback={fallback}>
      <Settled data={data}>{children}</Settled>
    </Suspense>
  );
}

async function Settled<T>({ data, children }: Omit<Props<T>, "fallback">) {
  return children(await data);
}
