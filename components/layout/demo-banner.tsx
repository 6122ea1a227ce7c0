import { connection } from "next/server";
import { getEnv } from "@/lib/env";

/** Tells the visitor, on every page, that they are looking at the built-in Bungie sandbox. */
export async function DemoBanner() {
  // Read at request time: the same build serves demo and real mode depending on the environment.
  await connection();
  if (!getEnv().demo) return null;
  return (
    <div
      role="status"
      aria-label="Demo mode"
      className="border-accent/40 bg-accent text-accent-ink border-b px-4 py-2 text-center text-sm font-medium"
    >
      Demo mode: Warmind is connected to its built-in Bungie sandbox and its demo guardians, not to
      Bungie.net.
    </div>
  );
}
