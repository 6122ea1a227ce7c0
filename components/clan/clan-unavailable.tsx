import Link from "next/link";

/** Bungie could not give us the clan or its roster; nothing on the page can be shown. */
export function ClanUnavailable({ message, retryHref }: { message: string; retryHref: string }) {
  return (
    <section
      role="alert"
      className="border-danger/50 bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
    >
      <h1 className="text-2xl font-bold">Clan unavailable</h1>
      <p className="text-muted">{message}</p>
      <p>
        <Link
          href={retryHref}
          prefetch={false}
          className="border-line hover:bg-panel-2 inline-block rounded-md border px-4 py-2 font-medium"
        >
          Try again
        </Link>
      </p>
    </section>
  );
}
