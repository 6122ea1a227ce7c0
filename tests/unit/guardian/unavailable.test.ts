import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { explainBungieError } from "@/lib/guardian/explain-error";
import { unavailableView } from "@/lib/guardian/unavailable";

const fail = (code: number, extra: { message?: string; throttleSeconds?: number } = {}) =>
  BungieError.fromCode(code, "/Destiny2/3/Profile/46/", extra);

describe("unavailableView (account and inventory pages)", () => {
  it("names the trouble and what to do", () => {
    expect(unavailableView(fail(5))?.title).toBe("Bungie.net is down for maintenance");
    expect(unavailableView(fail(36))?.title).toBe("Bungie.net asked us to slow down");
    for (const code of [ClientErrorCodes.Timeout, ClientErrorCodes.NetworkError, 3]) {
      expect(unavailableView(fail(code))?.title).toBe("Bungie.net didn't answer");
    }
    expect(unavailableView(fail(2108, { message: "Something odd" }))).toEqual({
      kind: "unavailable",
      title: "Bungie.net couldn't load your guardians",
      message: 'Bungie answered "Something odd". Refresh to try again.',
    });
  });

  it("has no view for a refused token or an error that is not Bungie's (the caller rethrows)", () => {
    expect(unavailableView(fail(99))).toBeNull();
    expect(unavailableView(new Error("database down"))).toBeNull();
  });
});

describe("explainBungieError: Bungie's trouble during an item action", () => {
  it("says maintenance, throttling and no answer in the guardian's words", () => {
    expect(explainBungieError(fail(5), null, null)).toBe(
      "Bungie.net is down for maintenance. Try again later.",
    );
    expect(explainBungieError(fail(36, { throttleSeconds: 3 }), null, null)).toBe(
      "Bungie asked us to slow down. Wait 3 s and try again.",
    );
    expect(explainBungieError(fail(31), null, null)).toBe(
      "Bungie asked us to slow down. Wait a moment and try again.",
    );
    expect(explainBungieError(fail(ClientErrorCodes.Timeout), null, null)).toMatch(
      /^Bungie.net didn't answer in time\. Check the inventory below/,
    );
    expect(explainBungieError(fail(3, { message: "We've encountered an error" }), null, null)).toBe(
      "Bungie refused: We've encountered an error.",
    );
  });

  it("keeps its own sentences for item rules", () => {
    expect(explainBungieError(fail(1641), null, null)).toBe(
      "Only one exotic weapon and one exotic armour piece can be equipped at a time.",
    );
  });
});
