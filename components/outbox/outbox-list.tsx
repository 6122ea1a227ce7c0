import Link from "next/link";
import type { OutboxListItem } from "@/lib/outbox/load-outbox";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function OutboxList({ messages }: { messages: OutboxListItem[] }) {
  return (
    <div className="mx-auto grid max-w-3xl grid-cols-[minmax(0,1fr)] gap-4">
      <div>
        <h1 className="text-2xl font-bold">Outbox</h1>
        <p className="text-muted text-sm">
          No mail service is configured, so the emails Warmind sends you are kept here.
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="border-line bg-panel text-muted rounded-lg border p-6 text-center">
          Nothing sent yet. Subscribe to the{" "}
          <Link href="/settings/digest" className="text-accent underline">
            vendor digest
          </Link>{" "}
          to get one.
        </p>
      ) : (
        <ul className="grid gap-2" data-testid="outbox-list">
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                href={`/outbox/${m.id}`}
                className="border-line bg-panel hover:bg-panel-2 grid gap-0.5 rounded-md border p-3 sm:grid-cols-[1fr_auto] sm:items-center sm:gap-4"
              >
                <span className="min-w-0">
                  <span className="block truncate font-semibold">{m.subject}</span>
                  <span className="text-muted block truncate text-sm">To {m.to}</span>
                </span>
                <time dateTime={m.createdAt} className="text-muted text-sm">
                  {WHEN.format(new Date(m.createdAt))} UTC
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
