import "server-only";
import { db as appDb } from "@/lib/db";
import type { Env } from "@/lib/env-schema";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createOutboxTransport } from "./outbox-transport";
import { createResendTransport } from "./resend-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { EmailTransport } from "./types";

/** EMAIL_FROM, or an address on the app's own host. */
export function emailFrom(env: Pick<Env, "EMAIL_FROM" | "appUrl">): string {
  return env.EMAIL_FROM ?? `Warmind <digest@${new URL(env.appUrl).hostname}>`;
}

/**
 * The configured way out: Resend when RESEND_API_KEY is set, else SMTP when SMTP_URL is set,
 * else the local outbox in the database (demo mode, or a self-hoster without mail yet).
 */
export function createEmailTransport(
  env: Pick<Env, "EMAIL_FROM" | "appUrl" | "RESEND_API_KEY" | "SMTP_URL">,
  db: PrismaClient = appDb,
): EmailTransport {
  const from = emailFrom(env);
  if (env.RESEND_API_KEY) return createResendTransport({ apiKey: env.RESEND_API_KEY, from });
  if (env.SMTP_URL) return createSmtpTransport({ url: env.SMTP_URL, from });
  return createOutboxTransport({ db, from });
}

let shared: EmailTransport | undefined;

/** The app's transport, built once per process from the environment. */
export function getEmailTransport(): EmailTransport {
  shared ??= createEmailTransport(getEnv());
  return shared;
}
