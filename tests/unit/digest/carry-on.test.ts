import { describe, expect, it } from "vitest";
import { CHAIN_HEADER, MAX_CHAIN, carryOn, chainOf, shouldCarryOn } from "@/lib/digest/carry-on";

const report = (
  fields: Partial<Record<"deferred" | "sent" | "empty" | "failed" | "unrecorded", number>>,
) => ({
  deferred: 0,
  sent: 0,
  empty: 0,
  failed: 0,
  unrecorded: 0,
  ...fields,
});

describe("shouldCarryOn", () => {
  it("carries on only when subscribers were left for lack of time and this run served some", () => {
    expect(shouldCarryOn(report({ deferred: 5, sent: 1 }), 0)).toBe(true);
    expect(shouldCarryOn(report({ deferred: 5, empty: 1 }), 3)).toBe(true);
    expect(shouldCarryOn(report({ deferred: 0, sent: 10 }), 0)).toBe(false);
    // Served nobody (the database was away): the next run would fare no better.
    expect(shouldCarryOn(report({ deferred: 5 }), 0)).toBe(false);
    // Failures alone (Bungie in maintenance) are not a reason to call again at once.
    expect(shouldCarryOn(report({ failed: 5 }), 0)).toBe(false);
  });

  it("stops at the end of the chain", () => {
    expect(shouldCarryOn(report({ deferred: 5, sent: 1 }), MAX_CHAIN - 2)).toBe(true);
    expect(shouldCarryOn(report({ deferred: 5, sent: 1 }), MAX_CHAIN - 1)).toBe(false);
    expect(shouldCarryOn(report({ deferred: 5, sent: 1 }), MAX_CHAIN)).toBe(false);
  });
});

describe("chainOf", () => {
  it("reads the chain position; anything odd ends the chain", () => {
    expect(chainOf(null)).toBe(0);
    expect(chainOf("3")).toBe(3);
    expect(chainOf("999")).toBe(MAX_CHAIN);
    for (const bad of ["", "-1", "1e3", "x", "1.5", "0000"]) expect(chainOf(bad)).toBe(MAX_CHAIN);
  });
});

describe("carryOn", () => {
  const env = { appUrl: "https://warmind.example", CRON_SECRET: "s".repeat(32) };

  it("calls the cron route with the secret and the next chain position", async () => {
    const calls: Request[] = [];
    const result = await carryOn(env, 2, {
      fetch: async (input, init) => {
        calls.push(new Request(input as URL, init));
        return new Response(JSON.stringify({ accepted: true }), { status: 202 });
      },
    });
    expect(result).toEqual({ status: "started", chain: 3, httpStatus: 202 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://warmind.example/api/cron/vendor-digest");
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers.get("authorization")).toBe(`Bearer ${env.CRON_SECRET}`);
    expect(calls[0]!.headers.get(CHAIN_HEADER)).toBe("3");
  });

  it("counts no answer within the timeout as started, a refusal or error status as failed", async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)),
      );
    expect(await carryOn(env, 0, { fetch: hang, timeoutMs: 10 })).toEqual({
      status: "started",
      chain: 1,
    });
    const refused: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    expect(await carryOn(env, 0, { fetch: refused })).toMatchObject({ status: "failed" });
    const unauthorized: typeof fetch = async () => new Response("{}", { status: 401 });
    expect(await carryOn(env, 0, { fetch: unauthorized })).toEqual({
      status: "failed",
      chain: 1,
      error: "HTTP 401",
    });
    expect(await carryOn({ ...env, CRON_SECRET: undefined }, 0)).toMatchObject({
      status: "failed",
    });
  });
});
