import "server-only";
import { logEvent, redact, redactValue, type LogFields, type LogLevel } from "@/lib/log";

export type { LogFields, LogLevel };
/** Where the client's log lines go. It only ever receives redacted text. */
export type BungieLogger = (level: LogLevel, message: string, fields?: LogFields) => void;

/**
 * Default sink: the server's structured log (lib/log), as `bungie` events with the line in
 * `message`. Request-level debug lines are dropped there.
 */
export const consoleLogger: BungieLogger = (level, message, fields) => {
  logEvent(level, "bungie", { message, ...fields });
};

/**
 * Wraps a sink so that every line passes through redact(): the one place log text is built,
 * so no caller can forget. `secrets` returns the values to scrub (API key, client secret).
 */
export type SafeLogger = (
  level: LogLevel,
  message: string,
  fields?: LogFields,
  /** Per-request secrets (the player's access token) to scrub as well. */
  extraSecrets?: readonly (string | undefined)[],
) => void;

export function createSafeLogger(
  sink: BungieLogger,
  secrets: () => readonly (string | undefined)[],
): SafeLogger {
  return (level, message, fields, extraSecrets = []) => {
    const known = [...secrets(), ...extraSecrets];
    sink(
      level,
      redact(message, known),
      fields === undefined ? undefined : (redactValue(fields, known) as LogFields),
    );
  };
}
