import "server-only";
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { EmailSendError, mailFields, type EmailMessage, type EmailTransport } from "./types";

/** Any SMTP server: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://` (TLS). */
export function createSmtpTransport(options: { url: string; from: string }): EmailTransport {
  const transporter = nodemailer.createTransport(options.url);
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? "warmind.invalid";
  return {
    kind: "smtp",
    from: options.from,
    async send(message: EmailMessage) {
      try {
        const info = await transporter.sendMail({
          ...mailFields(options.from, message),
          // A retried send of the same digest carries the same Message-ID, which receiving
          // servers and mail clients use to drop duplicates.
          messageId: message.idempotencyKey
            ? `<${createHash("sha256").update(message.idempotencyKey).digest("hex").slice(0, 32)}@${domain}>`
            : undefined,
        });
        return { id: info.messageId, transport: "smtp" };
      } catch (error) {
        throw new EmailSendError("smtp", error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      }
    },
    async close() {
      transporter.close();
    },
  };
}
