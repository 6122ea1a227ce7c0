// The server's structured log (logger.ts), its redaction (redact.ts) and request ids.
export {
  log,
  logEvent,
  processLog,
  setLogSink,
  type LogFields,
  type LogLevel,
  type LogSink,
} from "./logger";
export { REDACTED, REDACTED_EMAIL, redact, redactValue } from "./redact";
export {
  REQUEST_ID_HEADER,
  acceptRequestId,
  currentRequestId,
  isWellFormedRequestId,
  withRequestId,
} from "./request-id";
