import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { ManifestUnavailableError } from "@/lib/manifest";
import { vendorsUnavailableMessage } from "@/lib/vendors/unavailable-message";

const fail = (code: number) =>
  BungieError.fromCode(code, "/Destiny2/3/Profile/1/Character/2/Vendors/");

describe("vendorsUnavailableMessage", () => {
  it("says what kind of trouble kept the vendors away", () => {
    expect(vendorsUnavailableMessage(fail(5))).toBe(
      "Bungie.net is down for maintenance. Vendors will be back when it is.",
    );
    expect(vendorsUnavailableMessage(fail(36))).toBe(
      "Bungie.net is busy right now. Try again in a few seconds.",
    );
    expect(vendorsUnavailableMessage(fail(1665))).toBe(
      "Bungie.net keeps this account's vendors private.",
    );
    expect(vendorsUnavailableMessage(fail(ClientErrorCodes.Timeout))).toBe(
      "Bungie.net took too long to answer. Try again in a moment.",
    );
    const generic = "Bungie.net could not show your vendors just now. Try again in a moment.";
    expect(vendorsUnavailableMessage(fail(ClientErrorCodes.NetworkError))).toBe(generic);
    expect(vendorsUnavailableMessage(fail(1627))).toBe(generic);
  });

  it("covers a manifest not imported yet, and leaves every other error to the error boundary", () => {
    expect(vendorsUnavailableMessage(new ManifestUnavailableError("none yet"))).toBe(
      "Warmind is still downloading Destiny's item names. Try again in a minute.",
    );
    expect(vendorsUnavailableMessage(new TypeError("bug"))).toBeNull();
  });
});
