import { describe, expect, it } from "vitest";
import type { DestinyProfileResponse } from "bungie-api-ts/destiny2";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { detailsForError, toMemberDetails } from "@/lib/clan/member-details";

const character = (id: string, light: number, minutes: number, lastPlayed: string) => ({
  membershipId: "46",
  membershipType: 3,
  characterId: id,
  dateLastPlayed: lastPlayed,
  minutesPlayedTotal: String(minutes),
  light,
  classType: 1,
  classHash: 671679327,
  raceHash: 2803282938,
  genderHash: 2204441813,
  emblemPath: "/e.jpg",
  emblemBackgroundPath: "",
});

const response = (data: unknown) => data as DestinyProfileResponse;

describe("toMemberDetails", () => {
  it("sums time played, takes the highest light and lists the latest character first", () => {
    const details = toMemberDetails(
      response({
        profile: {
          privacy: 1,
          data: {
            userInfo: {
              membershipType: 3,
              membershipId: "46",
              displayName: "steamname",
              bungieGlobalDisplayName: "Vesper",
              bungieGlobalDisplayNameCode: 7,
            },
            dateLastPlayed: "2026-11-24T08:00:00Z",
            characterIds: ["1", "2"],
          },
        },
        characters: {
          privacy: 1,
          data: {
            "1": character("1", 535, 100, "2026-10-01T00:00:00Z"),
            "2": character("2", 544, 50, "2026-11-24T08:00:00Z"),
          },
        },
      }),
    );
    expect(details).toEqual({
      status: "ok",
      bungieName: "Vesper#0007",
      displayName: "Vesper",
      minutesPlayedTotal: 150,
      maxLight: 544,
      dateLastPlayed: "2026-11-24T08:00:00Z",
      characters: [
        expect.objectContaining({ characterId: "2", light: 544, emblemBackgroundPath: null }),
        expect.objectContaining({ characterId: "1", light: 535, emblemPath: "/e.jpg" }),
      ],
    });
  });

  it("says private when Bungie withholds the characters", () => {
    expect(
      toMemberDetails(response({ profile: { privacy: 2 }, characters: { privacy: 2 } })),
    ).toEqual({ status: "private" });
  });

  it("shows an account without characters as loaded, with no light", () => {
    const details = toMemberDetails(response({ characters: { privacy: 1, data: {} } }));
    expect(details).toMatchObject({
      status: "ok",
      characters: [],
      maxLight: null,
      minutesPlayedTotal: 0,
    });
  });
});

describe("detailsForError", () => {
  const error = (code: number, extra: { httpStatus?: number } = {}) =>
    BungieError.fromCode(code, "/Destiny2/3/Profile/46/", extra);

  it("turns facts about the member into their status", () => {
    expect(detailsForError(error(1601))).toEqual({ status: "not-found" });
    expect(detailsForError(error(1665))).toEqual({ status: "private" });
    expect(detailsForError(error(1682))).toEqual({ status: "private" });
  });

  it("turns Bungie's trouble into 'unavailable', with the reason", () => {
    expect(detailsForError(error(31))).toEqual({ status: "unavailable", reason: "throttled" });
    expect(detailsForError(error(1672))).toEqual({ status: "unavailable", reason: "throttled" });
    expect(detailsForError(error(5))).toEqual({ status: "unavailable", reason: "maintenance" });
    expect(detailsForError(error(ClientErrorCodes.Timeout))).toEqual({
      status: "unavailable",
      reason: "timeout",
    });
    expect(detailsForError(error(3))).toEqual({ status: "unavailable", reason: "error" });
    expect(detailsForError(new TypeError("bug"))).toEqual({
      status: "unavailable",
      reason: "error",
    });
  });
});
