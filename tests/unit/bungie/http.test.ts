import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import {
  UNCOUNTED_SLOT,
  unlimited,
  type BungieLimiter,
  type RequestSlot,
  type RequestTicket,
} from "@/lib/bungie/limits";
import { API_KEY, envelope, testClient } from "./fake-fetch";

const GET = (path: string, params?: Record<string, string>) => ({
  method: "GET" as const,
  url: `https://www.bungie.net/Platform${path}`,
  params,
});

async function rejection(promise: Promise<unknown>): Promise<BungieError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  if (!(error instanceof BungieError)) throw error;
  return error;
}

describe("createBungieClient request", () => {
  it("rewrites bungie-api-ts URLs onto the configured origin, path prefix included", async () => {
    const { client, calls } = testClient([{ json: envelope({ ok: true }) }]);
    const result = await client.request(GET("/Destiny2/3/Profile/46/", { components: "100,200" }));
    expect(result.Response).toEqual({ ok: true });
    expect(calls[0]!.url).toBe(
      "http://bungie.test/sandbox/Platform/Destiny2/3/Profile/46/?components=100%2C200",
    );
  });

  it("sends X-API-Key always and the Bearer token only when given", async () => {
    const { client, calls } = testClient([{ json: envelope(1) }, { json: envelope(1) }]);
    await client.request(GET("/User/GetMembershipsForCurrentUser/"), { accessToken: "tok-123456" });
    await client.request(GET("/Destiny2/Manifest/"));
    expect(calls[0]!.headers["x-api-key"]).toBe(API_KEY);
    expect(calls[0]!.headers.authorization).toBe("Bearer tok-123456");
    expect(calls[1]!.headers["x-api-key"]).toBe(API_KEY);
    expect(calls[1]!.headers.authorization).toBeUndefined();
  });

  it("POSTs JSON bodies", async () => {
    const { client, calls } = testClient([{ json: envelope(0) }]);
    await client.request({
      method: "POST",
      url: "https://www.bungie.net/Platform/Destiny2/Actions/Items/EquipItem/",
      body: { itemId: "1" },
    });
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(calls[0]!.body!)).toEqual({ itemId: "1" });
  });

  it("refuses URLs outside /Platform", async () => {
    const { client, calls } = testClient([]);
    await expect(
      client.request({ method: "GET", url: "https://evil.test/Platform/x/" }),
    ).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  it("times out a hanging request with a Timeout BungieError, retrying reads a bounded number of times", async () => {
    const { client, calls } = testClient(() => ({ hang: true }), {
      timeoutMs: 30,
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await rejection(client.request(GET("/Destiny2/Manifest/")));
    expect(error.code).toBe(ClientErrorCodes.Timeout);
    expect(error.name).toBe("Timeout");
    expect(error.isTimeout).toBe(true);
    expect(error.httpStatus).toBeNull();
    expect(error.endpoint).toBe("/Destiny2/Manifest/");
    expect(calls).toHaveLength(3);
  });

  it("gives a read that keeps timing out up at its deadline instead of retrying it in full", async () => {
    // The fault the load test met: an upstream that stops answering under a burst. Each retry
    // used to get the full per-attempt timeout again (four attempts: 40 s for one GetProfile
    // with the defaults) while the pages waiting on it hung. The first attempt ends at its 200 ms
    // timeout, which leaves about a quarter of a timeout of the 250 ms deadline: no retry is worth
    // sending, whatever the machine's speed. (Not 300 ms: Node's timers run on the event loop's
    // cached clock and can fire a few ms early by performance.now(), which now and then left
    // exactly half a timeout, and a retry.)
    const { client, calls } = testClient(() => ({ hang: true }), {
      timeoutMs: 200,
      readDeadlineMs: 250,
      retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await rejection(client.request(GET("/Destiny2/3/Profile/46/")));
    expect(error.code).toBe(ClientErrorCodes.Timeout);
    expect(calls).toHaveLength(1);
  });

  it("gives an attempt whole milliseconds when the deadline is nearer than the timeout", async () => {
    // The remainder of the deadline is a fraction of a millisecond (performance.now()), which
    // AbortSignal.timeout refuses with a RangeError: every such read failed (the digest's
    // call-counting client has a 120 s timeout, longer than the 20 s deadline).
    const { client, calls } = testClient(() => ({ json: envelope(1) }), {
      timeoutMs: 5_000,
      readDeadlineMs: 1_000,
    });
    expect((await client.request(GET("/Destiny2/Manifest/"))).Response).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it("counts the wait for a window slot in a read's deadline, sending nothing once it passed", async () => {
    // A limiter whose window never frees (Bungie's budget taken by others): the read ends as a
    // Timeout at its deadline rather than waiting in line forever.
    const never: BungieLimiter = {
      ...unlimited,
      acquireRequest: (ticket?: RequestTicket) =>
        new Promise<RequestSlot>((_, reject) => {
          ticket?.signal?.addEventListener("abort", () => reject(ticket.signal?.reason), {
            once: true,
          });
        }),
    };
    const { client, calls } = testClient(() => ({ json: envelope(1) }), {
      limiter: never,
      readDeadlineMs: 50,
    });
    const error = await rejection(client.request(GET("/Destiny2/Manifest/")));
    expect(error.code).toBe(ClientErrorCodes.Timeout);
    expect(calls).toHaveLength(0);
  });

  it("reports network failures as NetworkError", async () => {
    const { client } = testClient(() => ({ networkError: "ECONNREFUSED" }), {
      retry: { maxRetries: 0 },
    });
    const error = await rejection(client.request(GET("/Destiny2/Manifest/")));
    expect(error.code).toBe(ClientErrorCodes.NetworkError);
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.isNetwork).toBe(true);
  });

  it("reports the caller's abort as Aborted and does not retry it", async () => {
    const { client, calls } = testClient(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = rejection(
      client.request(GET("/Destiny2/Manifest/"), { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);
    const error = await pending;
    expect(error.code).toBe(ClientErrorCodes.Aborted);
    expect(calls).toHaveLength(1);
  });

  it("throws an envelope error that came with HTTP 200", async () => {
    const { client, calls } = testClient([
      { status: 200, json: envelope(0, 1623, { ErrorStatus: "DestinyItemNotFound" }) },
    ]);
    const error = await rejection(client.request(GET("/Destiny2/3/Profile/1/Item/2/")));
    expect(error.code).toBe(1623);
    expect(calls).toHaveLength(1);
  });
});

describe("retry policy in the client", () => {
  it("retries a read after UnhandledException and succeeds", async () => {
    const { client, calls } = testClient([
      { status: 500, json: envelope(undefined, 3, { ErrorStatus: "UnhandledException" }) },
      { status: 502, text: "<html>Bad gateway</html>" },
      { json: envelope("fine") },
    ]);
    const result = await client.request(GET("/Destiny2/Manifest/"));
    expect(result.Response).toBe("fine");
    expect(calls).toHaveLength(3);
  });

  it("retries a throttled read", async () => {
    const { client, calls } = testClient([
      { status: 500, json: envelope(undefined, 36, { ThrottleSeconds: 0 }) },
      { json: envelope("fine") },
    ]);
    expect((await client.request(GET("/Destiny2/Manifest/"))).Response).toBe("fine");
    expect(calls).toHaveLength(2);
  });

  it("gives up on reads after maxRetries", async () => {
    const { client, calls } = testClient(() => ({ status: 500, json: envelope(undefined, 1618) }), {
      retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await rejection(client.request(GET("/Destiny2/Manifest/")));
    expect(error.code).toBe(1618);
    expect(calls).toHaveLength(4);
  });

  it("does not retry maintenance or not-found", async () => {
    for (const code of [5, 1623, 2111]) {
      const { client, calls } = testClient(() => ({
        status: 503,
        json: envelope(undefined, code),
      }));
      expect((await rejection(client.request(GET("/Destiny2/Manifest/")))).code).toBe(code);
      expect(calls).toHaveLength(1);
    }
  });

  it("never retries a write: not on throttle, 5xx, timeout or network error", async () => {
    const replies = [
      () => ({ status: 500, json: envelope(0, 36, { ThrottleSeconds: 0 }) }),
      () => ({ status: 500, json: envelope(0, 3) }),
      () => ({ status: 502, text: "<html></html>" }),
      () => ({ hang: true as const }),
      () => ({ networkError: "ECONNRESET" }),
    ];
    for (const reply of replies) {
      const { client, calls } = testClient(reply, { writeTimeoutMs: 30 });
      await rejection(
        client.request(
          {
            method: "POST",
            url: "https://www.bungie.net/Platform/Destiny2/Actions/Items/TransferItem/",
            body: {},
          },
          { accessToken: "token-abcdef", action: { player: "p1", kind: "item" } },
        ),
      );
      expect(calls).toHaveLength(1);
    }
  });

  it("retries a POST that is declared a read (search)", async () => {
    const { client, calls } = testClient([
      { status: 500, json: envelope(undefined, 3) },
      { json: envelope([]) },
    ]);
    await client.request(
      {
        method: "POST",
        url: "https://www.bungie.net/Platform/Destiny2/SearchDestinyPlayerByBungieName/-1/",
        body: {},
      },
      { kind: "read" },
    );
    expect(calls).toHaveLength(2);
  });
});

describe("what the client tells the limiter", () => {
  function recordingLimiter() {
    const tickets: RequestTicket[] = [];
    const limiter: BungieLimiter = {
      ...unlimited,
      acquireRequest: async (ticket) => (tickets.push(ticket!), UNCOUNTED_SLOT),
    };
    return { limiter, tickets };
  }

  it("names reads by a hash of the access token (never the token), at page priority unless told", async () => {
    const { limiter, tickets } = recordingLimiter();
    const { client } = testClient(() => ({ json: envelope(1) }), { limiter });
    await client.request(GET("/Destiny2/Manifest/"));
    await client.request(GET("/User/GetMembershipsForCurrentUser/"), { accessToken: "tok-123456" });
    await client.request(GET("/User/GetMembershipsForCurrentUser/"), { accessToken: "tok-123456" });
    await client.request(GET("/User/GetMembershipsForCurrentUser/"), { accessToken: "tok-654321" });
    await client.request(GET("/Destiny2/3/Profile/46/"), {
      accessToken: "tok-123456",
      priority: "background",
      player: "20000001",
    });
    expect(tickets.map((t) => t.priority)).toEqual(["page", "page", "page", "page", "background"]);
    const players = tickets.map((t) => t.player);
    expect(players[0]).toBe("anonymous");
    expect(players[1]).toMatch(/^token:[\w-]{16}$/);
    expect(players[2]).toBe(players[1]); // stable per token
    expect(players[3]).not.toBe(players[1]);
    expect(players[4]).toBe("20000001");
    expect(JSON.stringify(tickets)).not.toContain("123456");
  });

  it("sends token calls first in line, named by a hash of the grant", async () => {
    const { limiter, tickets } = recordingLimiter();
    const { client } = testClient([{ json: { access_token: "a" } }], { limiter });
    await client.tokenRequest({ grant_type: "refresh_token", refresh_token: "refresh-secret-1" });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.priority).toBe("token");
    expect(tickets[0]!.player).toMatch(/^token:/);
    expect(JSON.stringify(tickets)).not.toContain("refresh-secret");
  });

  it("says each slot's call was answered once its answer is in, failed attempts and tokens too", async () => {
    // Bungie counts a call when it arrives: the slot must count until the answer (limits.ts).
    const events: string[] = [];
    let slots = 0;
    const limiter: BungieLimiter = {
      ...unlimited,
      acquireRequest: async () => {
        const n = ++slots;
        events.push(`slot ${n}`);
        return { answered: () => void events.push(`answered ${n}`) };
      },
    };
    const replies = [
      { status: 500, json: envelope(undefined, 3, { ErrorStatus: "UnhandledException" }) },
      { json: envelope("fine") },
      { json: { access_token: "a" } },
    ];
    const { client } = testClient(
      (call) => (events.push(`sent ${new URL(call.url).pathname}`), replies.shift()!),
      { limiter },
    );
    await client.request(GET("/Destiny2/Manifest/"));
    await client.tokenRequest({ grant_type: "refresh_token", refresh_token: "r" });
    expect(events).toEqual([
      "slot 1",
      "sent /sandbox/Platform/Destiny2/Manifest/",
      "answered 1",
      "slot 2",
      "sent /sandbox/Platform/Destiny2/Manifest/",
      "answered 2",
      "slot 3",
      "sent /sandbox/Platform/App/OAuth/token/",
      "answered 3",
    ]);
  });
});

describe("fetchContent", () => {
  it("fetches below the origin without the API key and leaves the body unread", async () => {
    const { client, calls } = testClient([{ text: '{"1":{"hash":1}}' }]);
    const response = await client.fetchContent("/common/destiny2_content/json/en/Defs-abc.json");
    expect(calls[0]!.url).toBe(
      "http://bungie.test/sandbox/common/destiny2_content/json/en/Defs-abc.json",
    );
    expect(calls[0]!.headers["x-api-key"]).toBeUndefined();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ 1: { hash: 1 } });
  });

  it("throws HttpError on 404 without retrying, retries 503", async () => {
    const missing = testClient([{ status: 404, text: "nope" }]);
    const error = await rejection(missing.client.fetchContent("/common/x.json"));
    expect(error.name).toBe("HttpError");
    expect(error.httpStatus).toBe(404);
    expect(missing.calls).toHaveLength(1);

    const flaky = testClient([{ status: 503, text: "busy" }, { text: "{}" }]);
    expect((await flaky.client.fetchContent("/common/x.json")).status).toBe(200);
    expect(flaky.calls).toHaveLength(2);
  });

  it("refuses anything that is not a path on the origin", async () => {
    const { client } = testClient([]);
    await expect(client.fetchContent("https://evil.test/x")).rejects.toThrow(TypeError);
    await expect(client.fetchContent("//evil.test/x")).rejects.toThrow(TypeError);
  });
});
