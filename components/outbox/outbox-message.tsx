import Link from "next/link";
import type { OutboxMessage } from "@/lib/outbox/load-outbox";

/** One email as a mail client would show it, with its headers and links. */
export function OutboxMessageView({ message }: { message: OutboxMessage }) {
  const unsubscribe = /<([^>]+)>/.exec(message.headers["List-Unsubscribe"] ?? "")?.[1];
  const oneClick = message.headers["List-Unsubscribe-Post"] === "List-Unsubscribe=One-Click";
  return (
    <article className="mx-auto grid max-w-3xl grid-cols-[minmax(0,1fr)] gap-4">
      <p>
        <Link href="/outbox" className="text-accent text-sm underline">
          ← Outbox
        </Link>
      </p>
      <header className="grid gap-1">
        <h1 className="text-xl font-bold">{message.subject}</h1>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
          <dt className="text-muted">From</dt>
          <dd className="min-w-0 break-words">{message.from}</dd>
          <dt className="text-muted">To</dt>
          <dd className="min-w-0 break-words">{message.to}</dd>
          {Object.entries(message.headers).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-muted">{name}</dt>
              <dd className="min-w-0 break-all" data-testid={`header-${name}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </header>

      {unsubscribe && oneClick ? (
        // What a mail client's "Unsubscribe" button does (RFC 8058): one POST, no page.
        <form method="post" action={unsubscribe}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button
            type="submit"
            className="border-line hover:bg-panel-2 rounded-md border px-3 py-2 text-sm font-medium"
          >
            Unsubscribe (one click, as a mail client does)
          </button>
        </form>
      ) : null}

      {message.links.length > 0 ? (
        <nav aria-label="Links in this email" className="grid gap-1 text-sm">
          <h2 className="font-semibold">Links in this email</h2>
          <ul className="grid gap-1">
            {message.links.map((link) => (
              <li key={link.href}>
                <a href={link.href} className="text-accent underline">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <iframe
        title="Email content"
        srcDoc={message.html}
        // No scripts, no forms; links open outside the frame.
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        className="border-line bg-ink h-[70vh] w-full rounded-lg border"
      />

      <details className="border-line bg-panel rounded-lg border p-3">
        <summary className="cursor-pointer font-semibold">Plain-text version</summary>
        <pre
          className="mt-2 overflow-x-auto text-sm [overflow-wrap:anywhere] whitespace-pre-wrap"
          data-testid="outbox-text"
        >
          {message.text}
        </pre>
      </details>
    </article>
  );
}
