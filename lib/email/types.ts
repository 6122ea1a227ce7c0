// What every transport (Resend, SMTP, the demo outbox) accepts and returns.

export type EmailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post for the digest). */
  headers?: Record<string, string>;
  /** The player it is for: the demo outbox shows each player only their own mail. */
  userId?: string | null;
  /**
   * The same key never sends twice: Resend's Idempotency-Key, and a Message-ID derived from it
   * for SMTP so that receiving servers drop a duplicate.
   */
  idempotencyKey?: string;
};

/** The message as every mail API takes it (Resend's SDK, nodemailer): From, To, content, headers. */
export function mailFields(from: string, message: EmailMessage) {
  const { to, subject, html, text, headers } = message;
  return { from, to, subject, html, text, headers };
}

export type EmailTransportKind = "resend" | "smtp" | "outbox";

export type SentEmail = { id: string; transport: EmailTransportKind };

export interface EmailTransport {
  readonly kind: EmailTransportKind;
  /** The From header every message gets (EMAIL_FROM, or a default on the app's host). */
  readonly from: string;
  send(message: EmailMessage): Promise<SentEmail>;
  close(): Promise<void>;
}

/** A send the transport refused or could not complete. */
export class EmailSendError extends Error {
  constructor(
    readonly transport: EmailTransportKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${transport}: ${message}`, options);
    this.name = "EmailSendError";
  }
}
