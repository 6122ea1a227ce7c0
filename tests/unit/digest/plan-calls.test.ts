import { describe, expect, it } from "vitest";
import { planSubscriberCalls, plannedCalls, totalCalls } from "@/lib/digest/plan-calls";

const BANSHEE = 672118013;
const ADA = 350061650;
const CLASS_VENDOR = 3603221665;
const PUBLIC = new Set([BANSHEE, ADA]);

describe("planSubscriberCalls", () => {
  it("public vendors without collections: no call of the subscriber's own", () => {
    const plan = planSubscriberCalls({ filters: ["weapon"], vendorHashes: [BANSHEE, ADA] }, PUBLIC);
    expect(plan).toEqual({ profile: "none", characterVendors: false, publicVendors: true });
    expect(totalCalls(plannedCalls(plan, { expired: true }))).toBe(0);
  });

  it("'not yet owned' on public vendors: one GetProfile without a token", () => {
    const plan = planSubscriberCalls({ filters: ["unowned"], vendorHashes: [BANSHEE] }, PUBLIC);
    expect(plan).toEqual({ profile: "public", characterVendors: false, publicVendors: true });
    // No token is used, so an expired one costs nothing.
    expect(plannedCalls(plan, { expired: true })).toEqual({
      profile: 1,
      vendors: 0,
      tokenRefreshes: 0,
    });
    // Collections hidden by the player's privacy: their token, then GetProfile again.
    expect(totalCalls(plannedCalls(plan, { expired: true, collectionsPrivate: true }))).toBe(3);
    expect(totalCalls(plannedCalls(plan, { expired: false, collectionsPrivate: true }))).toBe(2);
  });

  it("a vendor GetPublicVendors leaves out, or every vendor: their character's GetVendors with their token", () => {
    for (const vendorHashes of [[BANSHEE, CLASS_VENDOR], []]) {
      const plan = planSubscriberCalls({ filters: [], vendorHashes }, PUBLIC);
      expect(plan).toEqual({ profile: "token", characterVendors: true, publicVendors: false });
      expect(plannedCalls(plan, { expired: true })).toEqual({
        profile: 1,
        vendors: 1,
        tokenRefreshes: 1,
      });
      expect(totalCalls(plannedCalls(plan, { expired: false }))).toBe(2);
    }
  });

  it("without the public list (GetPublicVendors not read), every chosen vendor needs the character", () => {
    const plan = planSubscriberCalls({ filters: [], vendorHashes: [BANSHEE] }, new Set());
    expect(plan.characterVendors).toBe(true);
  });

  it("never plans more than 3 calls, and the stated mix averages at most 1.5", () => {
    const mix = [
      { share: 0.5, choice: { filters: ["weapon"], vendorHashes: [BANSHEE] } },
      { share: 0.3, choice: { filters: ["unowned"], vendorHashes: [ADA] } },
      { share: 0.2, choice: { filters: [], vendorHashes: [] } },
    ];
    let mean = 0;
    for (const { share, choice } of mix) {
      const plan = planSubscriberCalls(choice, PUBLIC);
      for (const expired of [true, false]) {
        for (const collectionsPrivate of [true, false]) {
          expect(
            totalCalls(plannedCalls(plan, { expired, collectionsPrivate })),
          ).toBeLessThanOrEqual(3);
        }
      }
      mean += share * totalCalls(plannedCalls(plan, { expired: true }));
    }
    // 0.5 × 0 + 0.3 × 1 + 0.2 × 3 (refresh, GetProfile, GetVendors) = 0.9
    expect(mean).toBeCloseTo(0.9);
  });
});
