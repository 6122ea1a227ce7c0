import "server-only";
import { Resend } from "resend";
import { EmailSendError, mailFields, type EmailMessage, type EmailTransport } from "./types";

/**
 * Resend's HTTP API. The SDK reads RESEND_BASE_URL when it is constructed, so tests (and anyone
 * behind a relay) point it at another server without code changes; `baseUrl` overrides it.
 */
export function createResendTransport(options: {
  apiKey: string;
  from: string;
  baseUrl?: string;
}): EmailTransport {
  const resend = new Resend(
    options.apiKey,
    options.baseUrl ? { baseUrl: options.baseUrl } : undefined,
  );
  return {
    kind: "resend",
    from: options.from,
    async send(message: EmailMessage) {
      const { data, error } = await resend.emails.send(
        mailFields(options.from, message),
        message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : undefined,
      );
      if (error || !data) {
        throw new EmailSendError("resend", error?.message ?? "no message id in the response");
      }
      return { id: data.id, transport: "resend" };
    },
    async close() {},
  };
}
