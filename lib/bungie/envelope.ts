import "server-only";
import type { ServerResponse } from "bungie-api-ts/destiny2";
import { PlatformErrorCodes, platformErrorName } from "@/lib/destiny/platform-error-codes";
import { BungieError, ClientErrorCodes } from "./errors";

/**
 * Turns the text of a /Platform response into its envelope, or throws a BungieError.
 *
 * The envelope's ErrorCode is the truth, not the HTTP status: Bungie answered errors with HTTP 200
 * for years and still may (Bungie-net/api#731), while a 500 with ErrorCode 1 does not happen. A
 * body that is not an envelope (HTML from a CDN/gateway, an empty 502) is InvalidResponse.
 */
export function parseEnvelope<T>(
  text: string,
  httpStatus: number,
  endpoint: string,
): ServerResponse<T> {
  const invalid = (why: string) =>
    new BungieError({
      code: ClientErrorCodes.InvalidResponse,
      name: "InvalidResponse",
      // Never echo the body: gateway pages can reflect request headers.
      message: `Bungie.net sent ${why} (HTTP ${httpStatus})`,
      endpoint,
      httpStatus,
    });

  if (text.trim() === "") throw invalid("an empty body");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid(text.trimStart().startsWith("<") ? "an HTML page" : "a body that is not JSON");
  }
  if (!isEnvelope(body)) throw invalid("JSON that is not a Bungie envelope");

  if (body.ErrorCode !== PlatformErrorCodes.Success) {
    throw new BungieError({
      code: body.ErrorCode,
      name:
        typeof body.ErrorStatus === "string" && body.ErrorStatus
          ? body.ErrorStatus
          : platformErrorName(body.ErrorCode),
      message: typeof body.Message === "string" && body.Message ? body.Message : "Bungie error",
      endpoint,
      httpStatus,
      throttleSeconds: typeof body.ThrottleSeconds === "number" ? body.ThrottleSeconds : 0,
      messageData: isStringRecord(body.MessageData) ? body.MessageData : {},
    });
  }
  return body as ServerResponse<T>;
}

type LooseEnvelope = {
  ErrorCode: number;
  ErrorStatus?: unknown;
  Message?: unknown;
  ThrottleSeconds?: unknown;
  MessageData?: unknown;
};

function isEnvelope(value: unknown): value is LooseEnvelope {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { ErrorCode?: unknown }).ErrorCode === "number"
  );
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => typeof v === "string")
  );
}
