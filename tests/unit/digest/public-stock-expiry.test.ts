import { describe, expect, it } from "vitest";
import { publicStockExpiry } from "@/lib/digest/public-vendors";

const NOW = Date.parse("2026-11-28T18:00:00Z");
const vendor = (nextRefreshDate: string | null, overrides: (string | null)[] = []) => ({
  vendorHash: 1,
  nextRefreshDate,
  enabled: true,
  canPurchase: null,
  sales: overrides.map((overrideNextRefreshDate, i) => ({
    vendorItemIndex: i,
    itemHash: 1,
    quantity: 1,
    costs: [],
    saleStatus: 0,
    overrideNextRefreshDate,
    apiPurchasable: false,
  })),
});

describe("publicStockExpiry", () => {
  it("keeps the public sales until the first refresh Bungie announces", () => {
    const stock = {
      vendors: [
        vendor("2026-12-01T17:00:00Z"),
        vendor("2026-11-29T17:00:00Z", [null, "2026-11-29T01:00:00Z"]),
        vendor("9999-12-31T23:59:59Z"),
      ],
    };
    expect(publicStockExpiry(stock, NOW)).toBe(Date.parse("2026-11-29T01:00:00Z"));
  });

  it("at most a day, whatever the dates say", () => {
    expect(
      publicStockExpiry({ vendors: [vendor("9999-12-31T23:59:59Z"), vendor(null)] }, NOW),
    ).toBe(NOW + 86_400_000);
  });
});
