// Bungie's response envelope and the HTTP statuses that go with its error codes.
import { PLATFORM_ERROR_MESSAGES, platformErrorName } from "../../lib/destiny/platform-error-codes";

const EXTRA_MESSAGES: Record<number, string> = {
  7: "Unable to parse your parameters.  Please correct them, and try again.",
  9: "The request was not valid.",
  21: "The requested resource was not found.",
  31: "You are being throttled.  Please wait a moment before trying again.",
  622: "The group was not found.",
  686: "The clan was not found.",
  1601: "We were unable to find your Destiny account information.  If you have a valid Destiny Account, let us know.",
  1618: "An unexpected error occurred.",
  1620: "The character requested was not found.",
  1622: "The request was invalid.",
  1630: "The membership type provided is not valid for this request.",
  1641: "You can only have one item of this type equipped at a time.",
  1660: "This item cannot be transferred.",
  1665: "This user has chosen to keep this data private.",
  1671: "You cannot perform this action at your current location.",
  1672: "The Destiny game servers are busy right now.  Please try again shortly.",
  1676: "This plug cannot be inserted into this socket.",
  1677: "The socket requested was not found.",
  1678: "You cannot perform that action on this socket.",
  1679: "That plug is already in this socket.",
  2101: "Your API key is invalid or expired.",
  2102: "An API key is required to access this resource.",
  2111: "Access token has expired.",
  2124: "The authorization record was revoked.",
  205: "We couldn't find the user you were looking for.",
};

/** Names of codes the sandbox uses that lib/destiny does not list. */
const EXTRA_NAMES: Record<number, string> = {
  205: "UserCannotFindRequestedUser",
};

export function errorName(code: number): string {
  return EXTRA_NAMES[code] ?? platformErrorName(code);
}

export function messageFor(code: number): string {
  return PLATFORM_ERROR_MESSAGES[code] ?? EXTRA_MESSAGES[code] ?? "An error has occurred.";
}

/**
 * Since 2019 Bungie sends non-success ErrorCodes with a non-200 status (mostly 500), the
 * body still being the envelope. The exceptions below are the ones clients act upon.
 */
export function statusForError(code: number): number {
  switch (code) {
    case 1:
      return 200;
    case 5:
      return 503;
    case 99:
    case 2101:
    case 2102:
    case 2111:
    case 2115:
    case 2124:
      return 401;
    case 12:
      return 403;
    case 21:
      return 404;
    case 31:
    case 35:
    case 36:
    case 37:
    case 51:
    case 54:
    case 55:
    case 56:
    case 57:
      return 429;
    default:
      return 500;
  }
}

/** No CORS here: index.ts allows other origins on the Platform API's answers only. */
export const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "private, no-cache",
} as const;

/**
 * Bodies the node server may write straight to the socket, skipping the web-stream copy of a
 * large cached rendering (a full GetProfile is over 1 MB). Other adapters just read the body.
 */
const rawBodies = new WeakMap<Response, Uint8Array>();

export function rawBodyOf(response: Response): Uint8Array | undefined {
  return rawBodies.get(response);
}

/** `body` may be pre-serialised JSON (text or UTF-8 bytes of cached renderings) or a value to serialise. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  if (body instanceof Uint8Array) {
    // `new Response(bytes)` copies megabytes eagerly; a lazy stream only copies if read (the
    // node server never reads it), and the copy keeps the cached bytes from being detached.
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          controller.enqueue(new Uint8Array(body));
          controller.close();
        },
      },
      // highWaterMark 0: nothing is pulled (or copied) until someone reads.
      { highWaterMark: 0 },
    );
    const response = new Response(stream, {
      status,
      headers: { ...JSON_HEADERS, "content-length": String(body.byteLength), ...headers },
    });
    rawBodies.set(response, body);
    return response;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The success envelope, serialised by hand so a cached Response text can be spliced in. */
export function successText(responseJson: string): string {
  return `{"Response":${responseJson},"ErrorCode":1,"ThrottleSeconds":0,"ErrorStatus":"Success","Message":"Ok","MessageData":{}}`;
}

export function ok<T>(response: T): Response {
  return jsonResponse(successText(JSON.stringify(response)));
}

export interface ErrorOptions {
  message?: string;
  throttleSeconds?: number;
  status?: number;
  /** Actions answer `Response: 0`; reads omit Response. */
  response?: unknown;
  messageData?: Record<string, string>;
}

export function errorEnvelope(code: number, options: ErrorOptions = {}) {
  return {
    ...(options.response === undefined ? {} : { Response: options.response }),
    ErrorCode: code,
    ThrottleSeconds: options.throttleSeconds ?? 0,
    ErrorStatus: errorName(code),
    Message: options.message ?? messageFor(code),
    MessageData: options.messageData ?? {},
  };
}

export function platformError(code: number, options: ErrorOptions = {}): Response {
  return jsonResponse(errorEnvelope(code, options), options.status ?? statusForError(code));
}

/** OAuth-style token endpoint error (`{"error","error_description"}`), never the envelope. */
export function oauthError(error: string, description: string, status = 400): Response {
  return jsonResponse({ error, error_description: description }, status);
}
