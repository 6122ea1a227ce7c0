"use client";

import { useActionState } from "react";
import { choosePlatform } from "@/app/account/platform/actions";
import type { ChoosePlatformState } from "@/lib/auth/platform-choice";
import { PLATFORM_NAMES } from "@/lib/destiny/game-facts";

type Account = { membershipType: number; membershipId: string; displayName: string };

export function PlatformChooser({
  accounts,
  activeId,
}: {
  accounts: Account[];
  activeId: string | null;
}) {
  const [state, action, pending] = useActionState<ChoosePlatformState, FormData>(
    choosePlatform,
    {},
  );
  return (
    <div className="mx-auto grid max-w-lg gap-4">
      <h1 className="text-2xl font-bold">Choose your Destiny account</h1>
      <p className="text-muted">
        Your Bungie.net account has Destiny profiles on several platforms that are not linked by
        Cross Save. Choose the one Warmind shows.
      </p>
      <ul className="grid gap-3">
        {accounts.map((a) => (
          <li key={`${a.membershipType}-${a.membershipId}`}>
            <form action={action}>
              <input type="hidden" name="membershipType" value={a.membershipType} />
              <input type="hidden" name="membershipId" value={a.membershipId} />
              <button
                type="submit"
                disabled={pending}
                aria-current={a.membershipId === activeId ? "true" : undefined}
                className="border-line bg-panel hover:bg-panel-2 aria-[current]:border-accent flex w-full items-center justify-between rounded-lg border p-4 text-left"
              >
                <span>
                  <span className="block font-semibold">{PLATFORM_NAMES[a.membershipType]}</span>
                  <span className="text-muted text-sm">{a.displayName}</span>
                </span>
                {a.membershipId === activeId ? (
                  <span className="text-accent text-sm">In use</span>
                ) : null}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="text-danger min-h-6 text-sm">
        {state.error}
      </p>
    </div>
  );
}
