// Helpers for driving the sandbox through handle() with real Request objects.
import { createSandbox, type Sandbox, type SandboxOptions } from "@/sandbox";

export const ORIGIN = "http://bungie.test";
export const API_KEY = "sandbox-api-key";

export interface Envelope<T = unknown> {
  Response?: T;
  ErrorCode: number;
  ThrottleSeconds: number;
  ErrorStatus: string;
  Message: string;
  MessageData: Record<string, string>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  apiKey?: string | null;
  headers?: Record<string, string>;
  method?: string;
}

/** A sandbox on a controllable clock. */
export function testSandbox(options: SandboxOptions & { start?: number } = {}) {
  const clock = { now: options.start ?? Date.UTC(2025, 10, 25, 12, 0, 0) };
  const sandbox = createSandbox({ now: () => clock.now, ...options });
  return { sandbox, clock };
}

export async function call<T = unknown>(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; body: Envelope<T>; response: Response }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== null) headers["x-api-key"] = options.apiKey ?? API_KEY;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const method = options.method ?? (options.body !== undefined ? "POST" : "GET");
  const response = await sandbox.handle(
    new Request(`${ORIGIN}${sandbox.options.basePath}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Envelope<T>, response };
}

export async function control<T = Record<string, unknown>>(
  sandbox: Sandbox,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await sandbox.handle(
    new Request(`${ORIGIN}${sandbox.options.basePath}/__sandbox/${path}`, {
      method: body === undefined ? "GET" : "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  if (!response.ok)
    throw new Error(`control ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface Snapshot {
  profiles: {
    membershipId: string;
    membershipType: number;
    characters: {
      characterId: string;
      classType: number;
      activity: string;
      loadouts: {
        nameHash: number;
        iconHash: number;
        colorHash: number;
        items: { itemInstanceId: string; plugItemHashes: number[] }[];
      }[];
    }[];
    counts: { instanced: number; vault: number; postmaster: Record<string, number> };
    stackTotals: Record<string, number>;
    items: {
      itemInstanceId?: string;
      itemHash: number;
      quantity: number;
      where: string;
      bucketHash: number;
      locked: boolean;
      power?: number;
      gearTier?: number;
      plugs?: number[];
    }[];
  }[];
}

export function snapshot(sandbox: Sandbox, user = "demo"): Promise<Snapshot> {
  return control<Snapshot>(sandbox, `state?user=${user}`);
}

/** The demo player's Steam profile and its characters (Titan, Hunter, Warlock). */
export async function demo(sandbox: Sandbox) {
  const snap = await snapshot(sandbox);
  const profile = snap.profiles.find((p) => p.membershipType === 3);
  if (!profile) throw new Error("demo profile missing");
  const [titan, hunter, warlock] = profile.characters;
  if (!titan || !hunter || !warlock) throw new Error("demo characters missing");
  return { profile, titan, hunter, warlock, token: sandbox.issueToken("demo").access_token };
}
