// The environment's shape, validated with zod. Pure (no `server-only`), so start-up scripts and
// unit tests can validate an environment before Next.js runs; the app reads it via lib/env.ts.
import { z } from "zod";

/** The sandbox's default app registration (see sandbox/README.md), used in demo mode. */
export const DEMO_BUNGIE_APP = {
  apiKey: "sandbox-api-key",
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret",
} as const;

/** Confirmation emails per hour across all players, unless CONFIRMATION_EMAILS_PER_HOUR says. */
export const DEFAULT_CONFIRMATION_EMAILS_PER_HOUR = 500;

/**
 * Bungie's budget for one source IP: about 25 requests/s averaged over a rolling 10 s window
 * (BUNGIE_RATE_PER_SECOND, BUNGIE_RATE_WINDOW_SECONDS override them).
 */
export const DEFAULT_BUNGIE_RATE = { perSecond: 25, windowSeconds: 10 } as const;

/** Where the app mounts the Bungie sandbox on its own origin in demo mode. */
export const SANDBOX_MOUNT_PATH = "/sandbox";

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyToUndefined, schema.optional());

const httpUrl = z
  .string()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), "must be an http(s) URL")
  .transform((v) => v.replace(/\/+$/, ""));

const databaseUrl = z
  .string()
  .refine(
    (v) => /^postgres(ql)?:\/\/\S+$/.test(v) || /^pglite:\S*$/.test(v),
    "must be a postgres:// or postgresql:// URL, or pglite:<directory> (pglite:memory for in-memory)",
  );

export const envSchema = z.object({
  BUNGIE_API_KEY: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  BUNGIE_CLIENT_ID: optional(
    z.string().regex(/^\d+$|^[\w-]+$/, "must be the numeric OAuth client_id"),
  ),
  BUNGIE_CLIENT_SECRET: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  BUNGIE_ORIGIN: optional(httpUrl),
  AUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: "is required (32+ random characters; `openssl rand -base64 33`)" })
      .min(32, "must be at least 32 characters"),
  ),
  DATABASE_URL: optional(databaseUrl),
  EMAIL_FROM: optional(
    z
      .string()
      .regex(
        /^(.+<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
        "must be an address like Warmind <digest@example.com>",
      ),
  ),
  RESEND_API_KEY: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")),
  CRON_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")),
  BUNGIE_RATE_PER_SECOND: optional(
    z.coerce
      .number({ error: "must be a number of requests per second" })
      .positive("must be more than 0")
      .max(1_000, "must be at most 1000"),
  ),
  BUNGIE_RATE_WINDOW_SECONDS: optional(
    z.coerce
      .number({ error: "must be a whole number of seconds" })
      .int("must be a whole number of seconds")
      .min(1, "must be at least 1")
      .max(600, "must be at most 600"),
  ),
  BUNGIE_LIMIT_SCOPE: optional(
    z
      .string()
      .regex(
        /^[\w.:-]{1,64}$/,
        "must be a name for this instance's source IP (letters, digits, . : _ -; at most 64), or `instance`",
      ),
  ),
  CONFIRMATION_EMAILS_PER_HOUR: optional(
    z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(1_000_000, "must be at most 1000000"),
  ),
  SANDBOX_CONTROL: optional(
    z.enum(["0", "1"], "must be 1 (serve the demo sandbox's control API) or 0 (the default)"),
  ),
  APP_URL: optional(httpUrl),
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
});

export type RawEnv = z.infer<typeof envSchema>;

export type BungieAppConfig = {
  /** Scheme and host (and, for the demo mount, a path prefix) that Bungie's paths hang off. */
  origin: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
};

export type Env = RawEnv & {
  /** True when no Bungie credentials are configured: the app talks to its built-in sandbox. */
  demo: boolean;
  /**
   * The mounted sandbox serves its test control API (/sandbox/__sandbox/...): only with
   * SANDBOX_CONTROL=1 (tests, `npm run loadtest`), never by default, so a public demo has none.
   */
  sandboxControl: boolean;
  /** The hourly limit of confirmation emails across all players (CONFIRMATION_EMAILS_PER_HOUR). */
  confirmationEmailsPerHour: number;
  appUrl: string;
  bungie: BungieAppConfig;
  /**
   * Whose Bungie budget the rolling window counts (lib/bungie/client.ts limitScope): `scope` is
   * BUNGIE_LIMIT_SCOPE (instances with the same name share one window through Redis: name it
   * after the source IP they send from; `instance`: each instance its own), or null: every
   * instance of this deployment (same API key) shares one.
   */
  bungieRate: { perSecond: number; windowSeconds: number; scope: string | null };
  databaseUrl: string;
};

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment: ${variable} ${detail}`);
    this.name = "EnvError";
  }
}

const BUNGIE_CREDENTIALS = ["BUNGIE_API_KEY", "BUNGIE_CLIENT_ID", "BUNGIE_CLIENT_SECRET"] as const;

/** Validates an environment; throws an EnvError whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const raw = source[variable];
    const got =
      raw === undefined || raw === "" ? "" : ` (got ${JSON.stringify(redact(variable, raw))})`;
    throw new EnvError(variable, `${issue?.message ?? "is invalid"}${got}`);
  }
  const env = result.data;

  const present = BUNGIE_CREDENTIALS.filter((name) => env[name] !== undefined);
  if (present.length > 0 && present.length < BUNGIE_CREDENTIALS.length) {
    const missing = BUNGIE_CREDENTIALS.find((name) => env[name] === undefined)!;
    throw new EnvError(
      missing,
      `is required when ${present.join(" and ")} ${present.length > 1 ? "are" : "is"} set (set all three Bungie credentials, or none for demo mode)`,
    );
  }
  const demo = present.length === 0;
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`;

  const bungie: BungieAppConfig = demo
    ? { origin: env.BUNGIE_ORIGIN ?? `${appUrl}${SANDBOX_MOUNT_PATH}`, ...DEMO_BUNGIE_APP }
    : {
        origin: env.BUNGIE_ORIGIN ?? "https://www.bungie.net",
        apiKey: env.BUNGIE_API_KEY!,
        clientId: env.BUNGIE_CLIENT_ID!,
        clientSecret: env.BUNGIE_CLIENT_SECRET!,
      };

  return {
    ...env,
    demo,
    sandboxControl: demo && env.SANDBOX_CONTROL === "1",
    confirmationEmailsPerHour:
      env.CONFIRMATION_EMAILS_PER_HOUR ?? DEFAULT_CONFIRMATION_EMAILS_PER_HOUR,
    appUrl,
    bungie,
    bungieRate: {
      perSecond: env.BUNGIE_RATE_PER_SECOND ?? DEFAULT_BUNGIE_RATE.perSecond,
      windowSeconds: env.BUNGIE_RATE_WINDOW_SECONDS ?? DEFAULT_BUNGIE_RATE.windowSeconds,
      scope: env.BUNGIE_LIMIT_SCOPE ?? null,
    },
    databaseUrl: env.DATABASE_URL ?? "pglite:.data/pglite",
  };
}

function redact(variable: string, value: string): string {
  return /SECRET|KEY|PASSWORD|TOKEN/.test(variable) || /:\/\/[^/]*@/.test(value)
    ? "[redacted]"
    : value;
}
