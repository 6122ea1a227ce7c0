import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { getEmailTransport } from "@/lib/email/transport";

export type OutboxListItem = { id: string; to: string; subject: string; createdAt: string };

export type OutboxMessage = OutboxListItem & {
  from: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  links: { href: string; label: string }[];
};

/** The outbox exists only while Warmind has no mail service (demo mode, or not set up yet). */
async function outboxUser(path: string) {
  const user = await requireUser(path);
  if (getEmailTransport().kind !== "outbox") notFound();
  return user;
}

export async function loadOutbox(): Promise<OutboxListItem[]> {
  const user = await outboxUser("/outbox");
  const rows = await db.outboxEmail.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One message of the signed-in player's; another player's id is simply not found. */
export async function loadOutboxMessage(id: string): Promise<OutboxMessage> {
  const user = await outboxUser(`/outbox/${encodeURIComponent(id)}`);
  const row = await db.outboxEmail.findFirst({ where: { id, userId: user.id } });
  if (!row) notFound();
  const headers: Record<string, string> = {};
  if (row.headers && typeof row.headers === "object" && !Array.isArray(row.headers)) {
    for (const [key, value] of Object.entries(row.headers)) {
      if (typeof value === "string") headers[key] = value;
    }
  }
  return {
    id: row.id,
    to: row.to,
    from: row.from,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    html: row.html,
    text: row.text,
    headers,
    links: linksOf(row.html),
  };
}

/** The email's links, so the player can follow them from the page as from a mail client. */
function linksOf(html: string): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*?\bhref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = decodeEntities(match[1] ?? "");
    const label = decodeEntities((match[2] ?? "").replace(/<[^>]+>/g, "")).trim();
    if (/^https?:\/\//.test(href) && !links.some((l) => l.href === href)) {
      links.push({ href, label: label || href });
    }
  }
  return links;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
