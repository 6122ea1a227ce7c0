// A scripted stand-in for fetch: records every request and answers from a queue of replies.
import { createBungieClient, type BungieClientConfig } from "@/lib/bungie/http";
import { unlimited } from "@/lib/bungie/limits";
import type { LogLevel } from "@/lib/bungie/logger";

export type Recorded = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
};

export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; text: string }
  | { hang: true }
  | { networkError: string };

export const API_KEY = "test-api-key-0123456789";
export const CLIENT_SECRET = "test-client-secret-abcdef";

export function envelope<T>(Response: T, ErrorCode = 1, extra: Record<string, unknown> = {}) {
  return {
    Response,
    ErrorCode,
    ThrottleSeconds: 0,
    ErrorStatus: ErrorCode === 1 ? "Success" : "Error",
    Message: ErrorCode === 1 ? "Ok" : "Error",
    MessageData: {},
    ...extra,
  };
}

export function fakeFetch(replies: Reply[] | ((call: Recorded) => Reply)) {
  const calls: Recorded[] = [];
  const queue = Array.isArray(replies) ? [...replies] : null;
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const call: Recorded = {
      url: String(input),
      method: init.method ?? "GET",
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === "string" ? init.body : undefined,
    };
    calls.push(call);
    const reply = queue ? queue.shift() : (replies as (call: Recorded) => Reply)(call);
    if (!reply) throw new Error(`fake fetch: no reply scripted for ${call.url}`);
    if ("hang" in reply) {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    if ("networkError" in reply) {
      throw new TypeError("fetch failed", { cause: { code: reply.networkError } });
    }
    const body = "json" in reply ? JSON.stringify(reply.json) : reply.text;
    return new Response(body, { status: reply.status ?? 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export type LogLine = { level: LogLevel; message: string; fields?: Record<string, unknown> };

/** A client wired to a fake fetch, no limits, tiny retry delays, and a capturing logger. */
export function testClient(
  replies: Reply[] | ((call: Recorded) => Reply),
  config: Partial<BungieClientConfig> = {},
) {
  const fake = fakeFetch(replies);
  const logs: LogLine[] = [];
  const client = createBungieClient({
    origin: "http://bungie.test/sandbox",
    apiKey: API_KEY,
    clientId: "12345",
    clientSecret: CLIENT_SECRET,
    limiter: unlimited,
    fetch: fake.fetch,
    logger: (level, message, fields) => logs.push({ level, message, fields }),
    retry: { baseDelayMs: 1, maxDelayMs: 2, minThrottleWaitMs: 1 },
    random: () => 0,
    ...config,
  });
  return { client, calls: fake.calls, logs };
}
