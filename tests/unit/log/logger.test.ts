import { afterEach, describe, expect, it } from "vitest";
import {
  acceptRequestId,
  isWellFormedRequestId,
  log,
  logEvent,
  setLogSink,
  withRequestId,
  type LogLevel,
} from "@/lib/log";

function capture() {
  const lines: { line: string; level: LogLevel }[] = [];
  setLogSink((line, level) => lines.push({ line, level }));
  return lines;
}

afterEach(() => setLogSink(undefined));

describe("the structured log", () => {
  it("writes one JSON object per line with level, time, event and the request id", () => {
    const lines = capture();
    withRequestId("req-12345678", () => log.warn("redis.down", { attempts: 3 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).not.toContain("\n");
    const record = JSON.parse(lines[0]!.line);
    expect(record).toMatchObject({
      level: "warn",
      event: "redis.down",
      requestId: "req-12345678",
      attempts: 3,
    });
    expect(new Date(record.time).toISOString()).toBe(record.time);
    expect(Object.keys(record).slice(0, 4)).toEqual(["level", "time", "event", "requestId"]);
  });

  it("never lets a detail overwrite the fixed fields", () => {
    const lines = capture();
    withRequestId("req-abcdefgh", () =>
      log.info("x.y", { level: "debug", event: "spoofed", requestId: "nope", time: "then" }),
    );
    expect(JSON.parse(lines[0]!.line)).toMatchObject({
      level: "info",
      event: "x.y",
      requestId: "req-abcdefgh",
    });
  });

  it("drops debug lines and sends warnings and errors with their level", () => {
    const lines = capture();
    log.debug("noise");
    log.info("a");
    log.error("b");
    expect(lines.map((l) => l.level)).toEqual(["info", "error"]);
  });

  it("redacts tokens, OAuth codes and email addresses, in text, fields and errors", () => {
    const lines = capture();
    const error = new Error(
      "refused for guardian@example.com: refresh_token=rt-secret-value&client_secret=cs-secret",
    );
    logEvent(
      "error",
      "digest.confirmation_failed",
      {
        error,
        to: "Aurora <aurora.vale+digest@mail.example.org>",
        access_token: "at-secret-value",
        note: "Authorization: Bearer abc.def.ghi",
        nested: { list: ["x@y.example", { code: "oauth-code-123" }] },
      },
      ["player-own-token-1"],
    );
    const line = lines[0]!.line;
    for (const secret of [
      "guardian@",
      "rt-secret-value",
      "cs-secret",
      "aurora.vale+digest@",
      "at-secret-value",
      "abc.def.ghi",
      "x@y.example",
      "oauth-code-123",
    ]) {
      expect(line, secret).not.toContain(secret);
    }
    // The domain stays: it tells an operator which mail provider refused.
    expect(line).toContain("[email]@mail.example.org");
    const record = JSON.parse(line);
    expect(record.error.name).toBe("Error");
  });

  it("keeps a driver's error code, which says what happened", () => {
    const lines = capture();
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    log.error("db.unavailable", { error });
    expect(JSON.parse(lines[0]!.line).error).toEqual({
      name: "Error",
      message: "connect ECONNREFUSED 127.0.0.1:5432",
      code: "ECONNREFUSED",
    });
  });
});

describe("request ids", () => {
  it("keeps a well-formed incoming id and replaces anything else", () => {
    for (const good of [
      "0f8fad5b-d9cb-469f-a165-70867728950e",
      "Root=1-67891233-abcdef012345678912345678",
      "abc123def456",
      "trace.span:0001",
    ]) {
      expect(isWellFormedRequestId(good), good).toBe(true);
      expect(acceptRequestId(good)).toBe(good);
    }
    for (const bad of [
      null,
      "",
      "short",
      "has space in it",
      'quote"inside-id',
      "line\nbreak-injected",
      "x".repeat(129),
      "-leading-dash-id",
    ]) {
      expect(isWellFormedRequestId(bad), String(bad)).toBe(false);
      const replaced = acceptRequestId(bad);
      expect(replaced).not.toBe(bad);
      expect(isWellFormedRequestId(replaced)).toBe(true);
    }
  });

  it("is absent outside a request", () => {
    const lines = capture();
    log.info("startup");
    expect(JSON.parse(lines[0]!.line).requestId).toBeUndefined();
  });
});
