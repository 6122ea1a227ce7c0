import { describe, expect, it } from "vitest";
import { formatBungieName } from "@/lib/bungie/reshape/bungie-name";
import { pickPrimaryMembership, reshapeMemberships } from "@/lib/bungie/reshape/memberships";
import type { DestinyMembership } from "@/lib/bungie/types";
import { crossSaveMemberships, separateMemberships } from "./fixtures/memberships";

describe("reshapeMemberships", () => {
  it("reshapes a cross-save player and marks the primary membership", () => {
    const out = reshapeMemberships(crossSaveMemberships);
    expect(out.bungieNetUser).toEqual({
      membershipId: "20000001",
      bungieName: "Guardian#0042",
      displayName: "Guardian",
      code: 42,
      avatarPath: "/img/profile/avatars/default_avatar.gif",
    });
    expect(out.primaryMembershipId).toBe("4611686018467284386");
    expect(out.destinyMemberships).toEqual([
      {
        membershipType: 2,
        membershipId: "4611686018428389000",
        displayName: "Guardian",
        bungieName: "Guardian#0042",
        crossSaveOverride: 3,
        applicableMembershipTypes: [],
        isPublic: false,
        isPrimary: false,
        iconPath: "/img/theme/bungienet/icons/psnLogo.png",
      },
      {
        membershipType: 3,
        membershipId: "4611686018467284386",
        displayName: "Guardian",
        bungieName: "Guardian#0042",
        crossSaveOverride: 3,
        applicableMembershipTypes: [3, 2],
        isPublic: true,
        isPrimary: true,
        iconPath: "/img/theme/bungienet/icons/steamLogo.png",
      },
    ]);
  });

  it("handles players without a Bungie Name or cross save", () => {
    const out = reshapeMemberships(separateMemberships);
    expect(out.bungieNetUser).toEqual({
      membershipId: "20000002",
      bungieName: null,
      displayName: "old-name",
      code: null,
      avatarPath: null,
    });
    expect(out.primaryMembershipId).toBeNull();
    expect(out.destinyMemberships.map((m) => [m.displayName, m.isPrimary])).toEqual([
      ["xbox-name", true],
      ["psn-name", false],
    ]);
  });
});

describe("pickPrimaryMembership", () => {
  const m = (
    membershipId: string,
    membershipType: number,
    crossSaveOverride: number,
  ): DestinyMembership => ({
    membershipId,
    membershipType,
    crossSaveOverride,
    displayName: membershipId,
    bungieName: null,
    applicableMembershipTypes: [],
    isPublic: true,
    isPrimary: false,
    iconPath: null,
  });

  it("prefers Bungie's primaryMembershipId", () => {
    const list = [m("a", 1, 2), m("b", 2, 2)];
    expect(
      pickPrimaryMembership({ destinyMemberships: list, primaryMembershipId: "a" })?.membershipId,
    ).toBe("a");
  });

  it("falls back to the membership cross save points at", () => {
    const list = [m("a", 1, 2), m("b", 2, 2)];
    expect(
      pickPrimaryMembership({ destinyMemberships: list, primaryMembershipId: null })?.membershipId,
    ).toBe("b");
    // An unknown primary id falls through to the same rule.
    expect(
      pickPrimaryMembership({ destinyMemberships: list, primaryMembershipId: "zzz" })?.membershipId,
    ).toBe("b");
  });

  it("without cross save takes the first membership; none gives null", () => {
    expect(
      pickPrimaryMembership({
        destinyMemberships: [m("a", 1, 0), m("b", 2, 0)],
        primaryMembershipId: null,
      })?.membershipId,
    ).toBe("a");
    expect(pickPrimaryMembership({ destinyMemberships: [], primaryMembershipId: null })).toBeNull();
  });
});

describe("Bungie names", () => {
  it("formats with a four-digit code", () => {
    expect(formatBungieName("Name", 7)).toBe("Name#0007");
    expect(formatBungieName("Name", null)).toBeNull();
    expect(formatBungieName("", 7)).toBeNull();
  });
});
