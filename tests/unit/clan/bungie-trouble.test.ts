import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { bungieTroubleMessage } from "@/lib/clan/bungie-trouble";

const fail = (code: number) => BungieError.fromCode(code, "/GroupV2/User/3/46/0/1/");

describe("the clan page's words for Bungie trouble", () => {
  it("says what kind of trouble kept the clan away", () => {
    expect(bungieTroubleMessage(fail(5))).toBe(
      "Bungie.net is down for maintenance. Try again later.",
    );
    expect(bungieTroubleMessage(fail(31))).toBe(
      "Bungie.net is busy right now. Try again in a minute.",
    );
    for (const code of [ClientErrorCodes.Timeout, ClientErrorCodes.NetworkError, 1651]) {
      expect(bungieTroubleMessage(fail(code))).toBe(
        "Bungie.net is not answering right now. Try again in a moment.",
      );
    }
    expect(bungieTroubleMessage(fail(622))).toBe(
      "Bungie.net could not load this right now. Try again in a moment.",
    );
  });

  it("leaves an error that is not Bungie's to the error boundary", () => {
    expect(bungieTroubleMessage(new Error("database down"))).toBeNull();
  });
});
