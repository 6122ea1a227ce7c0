import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-line bg-panel border-b">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-wide">
          <WarmindMark />
          <span>Warmind</span>
        </Link>
        <nav aria-label="Account" className="flex items-center gap-3 text-sm">
          <Link
            href="/signin"
            className="bg-accent text-accent-ink rounded-md px-3 py-1.5 font-semibold hover:brightness-110"
          >
            Sign in
          </Link>
        </nav>
      </div>
    </header>
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
