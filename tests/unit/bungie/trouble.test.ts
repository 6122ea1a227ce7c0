// The one classifier of Bungie trouble: every page's sentences are a switch over its result.
import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes, classifyBungieTrouble } from "@/lib/bungie/errors";
import { ManifestUnavailableError } from "@/lib/manifest/errors";
import { PlatformErrorCodes as Codes } from "@/lib/destiny/platform-error-codes";

const fail = (code: number, extra: { httpStatus?: number; throttleSeconds?: number } = {}) =>
  BungieError.fromCode(code, "/Destiny2/3/Profile/46/", extra);

describe("classifyBungieTrouble", () => {
  it("maintenance: SystemDisabled", () => {
    expect(classifyBungieTrouble(fail(Codes.SystemDisabled))).toEqual({
      kind: "maintenance",
      message: "SystemDisabled",
    });
  });

  it("throttled: every throttle code, with the wait Bungie asked for", () => {
    for (const code of [31, 35, 36, 37, 51, 54, 55, 56, 57, 1672]) {
      expect(classifyBungieTrouble(fail(code)).kind).toBe("throttled");
    }
    expect(
      classifyBungieTrouble(fail(Codes.ThrottleLimitExceededMomentarily, { throttleSeconds: 7 })),
    ).toMatchObject({ kind: "throttled", waitSeconds: 7 });
    expect(classifyBungieTrouble(fail(Codes.PerEndpointRequestThrottleExceeded))).toMatchObject({
      waitSeconds: 0,
    });
  });

  it("unreachable: our timeout, a network failure, or Bungie's 'try again later'", () => {
    expect(classifyBungieTrouble(fail(ClientErrorCodes.Timeout))).toMatchObject({
      kind: "unreachable",
      cause: "timeout",
    });
    expect(classifyBungieTrouble(fail(ClientErrorCodes.NetworkError))).toMatchObject({
      kind: "unreachable",
      cause: "network",
    });
    for (const code of [
      Codes.UnhandledException,
      Codes.DestinyUnexpectedError,
      Codes.DestinyShardRelayClientTimeout,
      Codes.DestinyShardRelayProxyTimeout,
    ]) {
      expect(classifyBungieTrouble(fail(code))).toMatchObject({
        kind: "unreachable",
        cause: "bungie",
      });
    }
    // A gateway's HTML page instead of an envelope.
    expect(
      classifyBungieTrouble(fail(ClientErrorCodes.InvalidResponse, { httpStatus: 503 })),
    ).toMatchObject({ kind: "unreachable", cause: "bungie" });
  });

  it("private: the profile is kept private (1665, 1682)", () => {
    expect(classifyBungieTrouble(fail(Codes.DestinyPrivacyRestriction)).kind).toBe("private");
    expect(classifyBungieTrouble(fail(Codes.DestinyPublicAccountNotAccessible)).kind).toBe(
      "private",
    );
  });

  it("not-found: no Destiny profile behind the membership (1601)", () => {
    expect(classifyBungieTrouble(fail(Codes.DestinyAccountNotFound)).kind).toBe("not-found");
  });

  it("signed-out: the player's token was refused, but not the app's API key", () => {
    expect(classifyBungieTrouble(fail(Codes.WebAuthRequired)).kind).toBe("signed-out");
    expect(classifyBungieTrouble(fail(Codes.AccessTokenHasExpired)).kind).toBe("signed-out");
    // A bare 401 whose code says nothing about tokens.
    expect(classifyBungieTrouble(fail(Codes.BadRequest, { httpStatus: 401 })).kind).toBe(
      "signed-out",
    );
    // A 401 about our API key is the operator's problem, not the player's sign-in.
    expect(
      classifyBungieTrouble(fail(Codes.ApiInvalidOrExpiredKey, { httpStatus: 401 })).kind,
    ).toBe("other");
  });

  it("other: any other Bungie error, with Bungie's message to quote", () => {
    const error = BungieError.fromCode(Codes.DestinyItemNotFound, "/Destiny2/Actions/Items/", {
      message: "The item requested was not found.",
    });
    expect(classifyBungieTrouble(error)).toEqual({
      kind: "other",
      message: "The item requested was not found.",
    });
    expect(classifyBungieTrouble(fail(ClientErrorCodes.Aborted)).kind).toBe("other");
    // A 4xx page that is not an envelope is not worth retrying: not "unreachable".
    expect(
      classifyBungieTrouble(fail(ClientErrorCodes.InvalidResponse, { httpStatus: 404 })).kind,
    ).toBe("other");
  });

  it("not-bungie: anything else is the caller's (a bug, the database, the manifest)", () => {
    expect(classifyBungieTrouble(new TypeError("x is undefined"))).toEqual({ kind: "not-bungie" });
    expect(classifyBungieTrouble(new ManifestUnavailableError("no manifest"))).toEqual({
      kind: "not-bungie",
    });
    expect(classifyBungieTrouble("a string")).toEqual({ kind: "not-bungie" });
    expect(classifyBungieTrouble(undefined)).toEqual({ kind: "not-bungie" });
    // Shaped like one, but not one.
    expect(classifyBungieTrouble({ code: 5, isMaintenance: true })).toEqual({ kind: "not-bungie" });
  });
});
