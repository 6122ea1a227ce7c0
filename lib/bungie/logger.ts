import "server-only";
import { redact, redactValue } from "./redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;
/** Where the client's log lines go. It only ever receives redacted text. */
export type BungieLogger = (level: LogLevel, message: string, fields?: LogFields) => void;

/** Default sink: warnings and errors to the console; request-level debug lines are dropped. */
export const consoleLogger: BungieLogger = (level, message, fields) => {
  if (level === "debug" || level === "info") return;
  const line = `[bungie] ${message}`;
  if (level === "warn") console.warn(line, fields ?? "");
  else console.error(line, fields ?? "");
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
