import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EmailMessage, EmailTransport } from "./types";

/**
 * Demo mode's mail server: messages are stored in the database and read in the app at /outbox,
 * so the digest and the confirmation flow work end to end with no mail account at all.
 */
export function createOutboxTransport(options: { db: PrismaClient; from: string }): EmailTransport {
  return {
    kind: "outbox",
    from: options.from,
    async send(message: EmailMessage) {
      const row = await options.db.outboxEmail.create({
        data: {
          userId: message.userId ?? null,
          to: message.to,
          from: options.from,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { ...message.headers },
        },
        select: { id: true },
      });
      return { id: row.id, transport: "outbox" };
    },
    async close() {},
  };
}
