import { describe, expect, it } from "vitest";
import { parseEnvelope } from "@/lib/bungie/envelope";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";

const ok = {
  Response: { a: 1 },
  ErrorCode: 1,
  ThrottleSeconds: 0,
  ErrorStatus: "Success",
  Message: "Ok",
  MessageData: {},
};

function caught(fn: () => unknown): BungieError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BungieError) return error;
    throw error;
  }
  throw new Error("expected a BungieError");
}

describe("parseEnvelope", () => {
  it("returns the envelope of a success", () => {
    expect(parseEnvelope(JSON.stringify(ok), 200, "/X/").Response).toEqual({ a: 1 });
  });

  it("treats ErrorCode ≠ 1 as an error even with HTTP 200", () => {
    const body = {
      Response: 0,
      ErrorCode: 1642,
      ThrottleSeconds: 0,
      ErrorStatus: "DestinyNoRoomInDestination",
      Message: "There are no item slots available to transfer this item.",
      MessageData: { a: "b" },
    };
    const error = caught(() =>
      parseEnvelope(JSON.stringify(body), 200, "/Destiny2/Actions/Items/TransferItem/"),
    );
    expect(error.code).toBe(1642);
    expect(error.name).toBe("DestinyNoRoomInDestination");
    expect(error.message).toBe("There are no item slots available to transfer this item.");
    expect(error.httpStatus).toBe(200);
    expect(error.endpoint).toBe("/Destiny2/Actions/Items/TransferItem/");
    expect(error.messageData).toEqual({ a: "b" });
    expect(error.isThrottle || error.isAuth || error.isMaintenance || error.isTransient).toBe(
      false,
    );
  });

  it("reads throttle seconds and classifies throttles", () => {
    const body = {
      ...ok,
      Response: undefined,
      ErrorCode: 36,
      ErrorStatus: "ThrottleLimitExceededMomentarily",
      ThrottleSeconds: 10,
    };
    const error = caught(() => parseEnvelope(JSON.stringify(body), 500, "/X/"));
    expect(error.isThrottle).toBe(true);
    expect(error.throttleSeconds).toBe(10);
    expect(error.isRejectedBeforeAction).toBe(true);
  });

  it("classifies maintenance and expired tokens", () => {
    const maintenance = caught(() =>
      parseEnvelope(
        JSON.stringify({ ...ok, ErrorCode: 5, ErrorStatus: "SystemDisabled" }),
        503,
        "/X/",
      ),
    );
    expect(maintenance.isMaintenance).toBe(true);
    expect(maintenance.isAuth).toBe(false);
    const expired = caught(() =>
      parseEnvelope(
        JSON.stringify({ ...ok, ErrorCode: 2111, ErrorStatus: "AccessTokenHasExpired" }),
        401,
        "/X/",
      ),
    );
    expect(expired.isAuth).toBe(true);
    expect(expired.isMaintenance).toBe(false);
  });

  it("falls back to the code's name when ErrorStatus is missing", () => {
    const error = caught(() => parseEnvelope(JSON.stringify({ ErrorCode: 1623 }), 500, "/X/"));
    expect(error.name).toBe("DestinyItemNotFound");
  });

  it("rejects an HTML error page as InvalidResponse, transient when 5xx", () => {
    const error = caught(() =>
      parseEnvelope("<html><body>502 Bad Gateway</body></html>", 502, "/X/"),
    );
    expect(error.code).toBe(ClientErrorCodes.InvalidResponse);
    expect(error.name).toBe("InvalidResponse");
    expect(error.message).toContain("HTML");
    expect(error.message).not.toContain("Bad Gateway");
    expect(error.isTransient).toBe(true);
  });

  it("rejects an empty body", () => {
    const error = caught(() => parseEnvelope("", 200, "/X/"));
    expect(error.code).toBe(ClientErrorCodes.InvalidResponse);
    expect(error.message).toContain("empty");
    expect(error.isTransient).toBe(false);
  });

  it("rejects JSON that is not an envelope", () => {
    expect(caught(() => parseEnvelope('{"hello":1}', 200, "/X/")).code).toBe(
      ClientErrorCodes.InvalidResponse,
    );
    expect(caught(() => parseEnvelope("[1,2]", 200, "/X/")).code).toBe(
      ClientErrorCodes.InvalidResponse,
    );
    expect(caught(() => parseEnvelope("not json", 200, "/X/")).message).toContain("not JSON");
  });

  it("does not blame the player's token for a bad API key", () => {
    const body = JSON.stringify({ ErrorCode: 2101, ErrorStatus: "ApiInvalidOrExpiredKey" });
    const error = caught(() => parseEnvelope(body, 401, "/X/"));
    expect(error.isAuth).toBe(false);
    expect(error.isApiKeyProblem).toBe(true);
  });

  it("marks HTTP 401 without an envelope as an auth error", () => {
    expect(caught(() => parseEnvelope("Unauthorized", 401, "/X/")).isAuth).toBe(true);
  });
});
