import Link from "next/link";
import type { AccountView } from "@/lib/guardian/account-view";
import { CharacterCard } from "./character-card";
import { CurrencyList } from "./currency-list";

/** The account page: who the player is, where they play, their guardians, wallet and clan. */
export function AccountOverview({ view }: { view: AccountView }) {
  const { platform } = view;
  return (
    <div className="grid gap-8">
      <section aria-labelledby="account-heading" className="flex items-center gap-4">
        {view.avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={view.avatarUrl}
            alt=""
            width={64}
            height={64}
            className="border-line size-16 shrink-0 rounded-full border"
          />
        ) : null}
        <div className="grid min-w-0 gap-1">
          <h1
            id="account-heading"
            className="truncate text-2xl font-bold"
            data-testid="account-name"
          >
            {view.bungieName ?? "Guardian"}
          </h1>
          <p className="text-muted" data-testid="account-platform">
            Playing on {platform.name}
            {platform.crossSave
              ? ` with Cross Save${platform.linkedPlatforms.length > 0 ? ` (${platform.linkedPlatforms.join(", ")})` : ""}`
              : ""}
          </p>
          <p className="text-sm" data-testid="account-clan">
            {view.clan === "unavailable" ? (
              <span className="text-muted">Clan: Bungie didn&apos;t answer just now.</span>
            ) : view.clan ? (
              <>
                <span className="text-muted">Clan </span>
                <Link
                  href="/clan"
                  className="text-accent font-semibold underline-offset-4 hover:underline"
                >
                  {view.clan.name}
                </Link>
                {view.clan.callsign ? (
                  <span className="text-muted"> [{view.clan.callsign}]</span>
                ) : null}
                <span className="text-muted"> · {view.clan.memberCount} members</span>
              </>
            ) : (
              <span className="text-muted">Not in a clan</span>
            )}
          </p>
          {view.accountCount > 1 ? (
            <p className="text-sm">
              <Link href="/account/platform" className="text-accent underline underline-offset-4">
                Switch Destiny account ({view.accountCount} platforms)
              </Link>
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="characters-heading" className="grid gap-3">
        <h2 id="characters-heading" className="text-lg font-semibold">
          Characters
        </h2>
        {view.characters.length === 0 ? (
          <p className="text-muted">No characters on this account yet.</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-3">
            {view.characters.map((c) => (
              <li key={c.characterId}>
                <CharacterCard
                  character={c}
                  chosen={c.characterId === view.selectedCharacterId}
                  now={view.loadedAt}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="currencies-heading" className="grid gap-3">
        <h2 id="currencies-heading" className="text-lg font-semibold">
          Currencies
        </h2>
        <CurrencyList currencies={view.currencies} />
      </section>
    </div>
  );
}
