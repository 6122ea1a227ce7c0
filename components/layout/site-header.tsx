import Link from "next/link";
import { signOutAction } from "@/app/signout/actions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { PLATFORM_NAMES } from "@/lib/destiny/game-facts";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { LinkPending } from "./link-pending";

export async function SiteHeader() {
  const user = await currentUserUnlessOutage();
  if (user === "outage") return <OutageHeader />;
  const account = user ? await getActiveDestinyAccount(user.id).catch(unlessOutage) : null;
  return (
    <header className="border-line bg-panel border-b">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <Link
          href={user ? "/account" : "/"}
          className="flex items-center gap-2 font-semibold tracking-wide"
        >
          <WarmindMark />
          <span>Warmind</span>
        </Link>
        {user ? <MainNav /> : null}
        {user ? (
          <nav aria-label="Account" className="flex min-w-0 items-center gap-3 text-sm">
            <Link
              href="/account"
              className="flex min-w-0 items-center gap-2"
              aria-label="Your account"
            >
              {user.image ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={bungieAssetUrl(user.image)}
                  alt=""
                  width={32}
                  height={32}
                  className="border-line size-8 shrink-0 rounded-full border"
                />
              ) : null}
              <span className="grid min-w-0 leading-tight">
                <span className="truncate font-semibold" data-testid="bungie-name">
                  {user.bungieName}
                </span>
                {account ? (
                  <span className="text-muted truncate text-xs" data-testid="platform">
                    {PLATFORM_NAMES[account.membershipType] ?? "Destiny"}
                    {account.crossSaveOverride ? " · Cross Save" : ""}
                  </span>
                ) : null}
              </span>
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="border-line hover:bg-panel-2 shrink-0 rounded-md border px-3 py-1.5 font-medium whitespace-nowrap"
              >
                Sign out
              </button>
            </form>
          </nav>
        ) : (
          <nav aria-label="Account" className="flex items-center gap-3 text-sm">
            <Link
              href="/signin"
              className="bg-accent text-accent-ink rounded-md px-3 py-1.5 font-semibold hover:brightness-110"
            >
              Sign in
            </Link>
          </nav>
        )}
      </div>
      {user ? <MobileNav /> : null}
    </header>
  );
}

/**
 * The header must not take the page down with it when the database is away: the page itself
 * says so (app/error.tsx), under a header that shows only the name.
 */
async function currentUserUnlessOutage(): Promise<CurrentUser | null | "outage"> {
  try {
    return await getCurrentUser();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return "outage";
    throw error;
  }
}

function unlessOutage(error: unknown): null {
  if (isDatabaseUnavailable(error)) return null;
  throw error;
}

function OutageHeader() {
  return (
    <header className="border-line bg-panel border-b">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 font-semibold tracking-wide sm:px-6">
        <WarmindMark />
        <span>Warmind</span>
      </div>
    </header>
  );
}

export const SECTIONS = [
  { href: "/account", label: "Account" },
  { href: "/inventory", label: "Inventory" },
  { href: "/loadouts", label: "Loadouts" },
  { href: "/clan", label: "Clan" },
  { href: "/vendors", label: "Vendors" },
];

function MainNav() {
  return (
    <nav aria-label="Main" className="hidden items-center gap-1 text-sm md:flex">
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          className="text-muted hover:bg-panel-2 hover:text-text relative rounded-md px-3 py-1.5"
        >
          {s.label}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}

/** On phones the sections sit in a bar at the bottom, in thumb reach. */
export function MobileNav() {
  return (
    <nav
      aria-label="Sections"
      className="border-line bg-panel fixed inset-x-0 bottom-0 z-40 grid grid-cols-5 border-t pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      {SECTIONS.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          className="text-muted hover:text-text relative py-3 text-center text-sm font-medium"
        >
          {s.label}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}

function WarmindMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
      <path d="M16 2 29 9v14l-13 7L3 23V9z" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M16 8 23 12v8l-7 4-7-4v-8z" fill="#f2c14e" />
    </svg>
  );
}
