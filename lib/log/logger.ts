import { redact, redactValue } from "./redact";
import { currentRequestId } from "./request-id";

// The server's one logger: one JSON object per line, with level, time, event and the request
// id, so an operator can search and count them. Every line is redacted (credentials and email
// addresses) however it was built. lib/bungie's client feeds it too (lib/bungie/logger.ts).
//
//   {"level":"warn","time":"2026-12-03T18:00:00.000Z","event":"redis.down","requestId":"…",…}

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
/** Where finished lines go: stdout for debug and info, stderr for warnings and errors. */
export type LogSink = (line: string, level: LogLevel) => void;

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
// Request-level debug lines (every Bungie call) would drown the rest; they are dropped.
const MIN_LEVEL: LogLevel = "info";

const consoleSink: LogSink = (line, level) => {
  if (RANK[level] >= RANK.warn) process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

let sink: LogSink = consoleSink;

/** Replaces where lines go (tests); undefined restores the console. */
export function setLogSink(next: LogSink | undefined): void {
  sink = next ?? consoleSink;
}

/**
 * Logs one event: `event` is a short dotted name ("db.unavailable", "bungie.call_failed"),
 * `fields` its details. `secrets` are values to scrub besides the credential patterns (a
 * player's access token a caller holds).
 */
export function logEvent(
  level: LogLevel,
  event: string,
  fields?: LogFields,
  secrets: readonly (string | undefined | null)[] = [],
  options: { ofRequest?: boolean } = {},
): void {
  if (RANK[level] < RANK[MIN_LEVEL]) return;
  const requestId = options.ofRequest === false ? undefined : currentRequestId();
  const details = fields === undefined ? {} : (redactValue(fields, secrets) as LogFields);
  // The four fixed fields come first and cannot be overwritten by a detail of the same name.
  const record = {
    level,
    time: new Date().toISOString(),
    event: redact(event, secrets),
    ...(requestId ? { requestId } : {}),
    ...withoutFixed(details),
  };
  let line: string;
  try {
    line = JSON.stringify(record);
  } catch {
    line = JSON.stringify({ level, time: record.time, event: record.event, requestId });
  }
  try {
    sink(line, level);
  } catch {
    // A closed stdout must not take a request down with it.
  }
}

function withoutFixed(fields: LogFields): LogFields {
  const { level: _l, time: _t, event: _e, requestId: _r, ...rest } = fields;
  return rest;
}

/**
 * For events of the process, not of a request: a socket's events run in the async context of
 * the request that opened it, whose id would be misleading there.
 */
export const processLog = {
  info: (event: string, fields?: LogFields) =>
    logEvent("info", event, fields, [], { ofRequest: false }),
  warn: (event: string, fields?: LogFields) =>
    logEvent("warn", event, fields, [], { ofRequest: false }),
  error: (event: string, fields?: LogFields) =>
    logEvent("error", event, fields, [], { ofRequest: false }),
};

export const log = {
  debug: (event: string, fields?: LogFields) => logEvent("debug", event, fields),
  info: (event: string, fields?: LogFields) => logEvent("info", event, fields),
  warn: (event: string, fields?: LogFields) => logEvent("warn", event, fields),
  error: (event: string, fields?: LogFields) => logEvent("error", event, fields),
};
