import { describe, expect, it } from "vitest";
import { VendorHashes } from "@/lib/destiny/game-facts";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { vendorStock } from "@/sandbox/world/vendor-stock";
import { call, control, demo, testSandbox } from "./helpers";

const defs = getManifestDefinitions();
const spec = (hash: number) => {
  const found = defs.vendorSpecs.find((s) => s.hash === hash);
  if (!found) throw new Error(`no vendor ${hash}`);
  return found;
};
// Tuesday 25 November 2025, 12:00 UTC: five hours before the weekly reset.
const TUESDAY_NOON = Date.UTC(2025, 10, 25, 12);
const FRIDAY_AFTER_RESET = Date.UTC(2025, 10, 28, 17, 30);
type Dict = Record<string, unknown>;

describe("vendor stock", () => {
  it("is stable within a reset period and changes at the reset", () => {
    const banshee = spec(VendorHashes.Banshee);
    const morning = vendorStock(1, banshee, Date.UTC(2025, 10, 25, 9));
    expect(vendorStock(1, banshee, Date.UTC(2025, 10, 25, 16, 59)).indexes).toEqual(
      morning.indexes,
    );
    const after = vendorStock(1, banshee, Date.UTC(2025, 10, 25, 17, 1));
    expect(after.period).toBe(morning.period + 1);
    // A few consecutive days: at least one change (daily turnover).
    const days = [1, 2, 3].map((d) =>
      vendorStock(1, banshee, Date.UTC(2025, 10, 25 + d, 18)).indexes.join(),
    );
    expect(new Set([morning.indexes.join(), after.indexes.join(), ...days]).size).toBeGreaterThan(
      1,
    );
    expect(vendorStock(2, banshee, Date.UTC(2025, 10, 25, 9)).indexes).not.toEqual(morning.indexes);
    for (const stock of [morning, after]) {
      expect(stock.indexes.length).toBeGreaterThanOrEqual(banshee.minSales);
      expect(stock.indexes.length).toBeLessThanOrEqual(banshee.maxSales);
    }
  });

  it("keeps weekly vendors for the week", () => {
    const zavala = spec(VendorHashes.Zavala);
    const wednesday = vendorStock(5, zavala, Date.UTC(2025, 10, 26, 12));
    expect(vendorStock(5, zavala, Date.UTC(2025, 11, 2, 16)).indexes).toEqual(wednesday.indexes);
    expect(new Date(wednesday.nextRefreshDate).toISOString()).toBe("2025-12-02T17:00:00.000Z");
  });
});

describe("vendor endpoints", () => {
  async function setup(start: number) {
    const env = testSandbox({ start });
    const d = await demo(env.sandbox);
    const base = `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/${d.titan.characterId}/Vendors/`;
    return { env, d, base };
  }

  it("GetVendors returns vendors, categories and sales but no item components; Xûr only on weekends", async () => {
    const { env, d, base } = await setup(TUESDAY_NOON);
    let token = d.token;
    const read = async () =>
      (
        await call<{
          vendors: { data: Record<string, Dict> };
          sales: { data: Record<string, { saleItems: Record<string, Dict> }> };
          categories: { data: Dict };
          vendorGroups: { data: { groups: Dict[] } };
          itemComponents: Dict;
        }>(env.sandbox, `${base}?components=400,401,402`, { token })
      ).body.Response;
    const tuesday = await read();
    expect(tuesday?.itemComponents).toEqual({});
    expect(Object.keys(tuesday?.vendors.data ?? {})).toContain(String(VendorHashes.Xur));
    expect(tuesday?.vendors.data[String(VendorHashes.Banshee)]?.nextRefreshDate).toBe(
      "2025-11-25T17:00:00Z",
    );
    const sale = Object.values(
      tuesday?.sales.data[String(VendorHashes.Banshee)]?.saleItems ?? {},
    )[0];
    expect(sale).toMatchObject({
      vendorItemIndex: expect.any(Number),
      itemHash: expect.any(Number),
      costs: expect.any(Array),
    });
    // The game's vendors screen: ten groups, Xûr's first.
    expect(tuesday?.vendorGroups.data.groups.length).toBe(10);

    await control(env.sandbox, "clock", { now: "2025-11-26T12:00:00Z" });
    // A day later the old token has expired.
    token = env.sandbox.issueToken("demo").access_token;
    const wednesday = await read();
    expect(Object.keys(wednesday?.vendors.data ?? {})).not.toContain(String(VendorHashes.Xur));
    const xur = await call(env.sandbox, `${base}${VendorHashes.Xur}/?components=400`, { token });
    expect(xur.body).toMatchObject({
      ErrorCode: 1627,
      ErrorStatus: "DestinyVendorNotFound",
      Message: "The Vendor you requested was not found.",
    });
    expect(wednesday?.sales.data[String(VendorHashes.Banshee)]).not.toEqual(
      tuesday?.sales.data[String(VendorHashes.Banshee)],
    );
  });

  it("keeps a character's vendors private to its owner", async () => {
    const { env, base } = await setup(FRIDAY_AFTER_RESET);
    const anonymous = await call<Dict>(env.sandbox, `${base}?components=400,402`);
    expect(anonymous.body.Response).toMatchObject({
      vendors: { privacy: 2 },
      sales: { privacy: 2 },
    });
    expect(anonymous.body.Response?.vendors).not.toHaveProperty("data");
  });

  it("GetVendor returns one vendor's sales with item components, and Xûr sells exotics", async () => {
    const { env, d, base } = await setup(FRIDAY_AFTER_RESET);
    const xur = await call<{
      vendor: { data: Dict };
      sales: { data: Record<string, Dict> };
      itemComponents: { instances: { data: Dict }; stats: { data: Dict } };
    }>(env.sandbox, `${base}${VendorHashes.Xur}/?components=400,402,300,304`, { token: d.token });
    expect(xur.body.ErrorCode).toBe(1);
    expect(xur.body.Response?.vendor.data.nextRefreshDate).toBe("2025-12-02T17:00:00Z");
    const hashes = Object.values(xur.body.Response?.sales.data ?? {}).map(
      (s) => s.itemHash as number,
    );
    expect(hashes.some((h) => defs.meta.get(h)?.exotic)).toBe(true);
    expect(
      Object.keys(xur.body.Response?.itemComponents.instances.data ?? {}).length,
    ).toBeGreaterThan(0);
    expect(
      (await call(env.sandbox, `${base}12345/?components=400`, { token: d.token })).body.ErrorCode,
    ).toBe(1627);
  });

  it("flags sales the player cannot afford (saleStatus NoFunds)", async () => {
    const { env, d, base } = await setup(FRIDAY_AFTER_RESET);
    const sales = await call<{
      sales: {
        data: Record<
          string,
          {
            saleItems: Record<
              string,
              { saleStatus: number; costs: { itemHash: number; quantity: number }[] }
            >;
          }
        >;
      };
    }>(env.sandbox, `${base}?components=402`, { token: d.token });
    const all = Object.values(sales.body.Response?.sales.data ?? {}).flatMap((v) =>
      Object.values(v.saleItems),
    );
    expect(all.every((s) => s.saleStatus === 0 || s.saleStatus === 2)).toBe(true);
  });

  it("GetPublicVendors needs no token", async () => {
    const env = testSandbox({ start: TUESDAY_NOON });
    const result = await call<{ vendors: { data: Record<string, Dict> }; sales: { data: Dict } }>(
      env.sandbox,
      "/Platform/Destiny2/Vendors/?components=400,402",
    );
    expect(result.body.ErrorCode).toBe(1);
    expect(result.body.Response?.vendors.data[String(VendorHashes.Banshee)]).toMatchObject({
      vendorHash: VendorHashes.Banshee,
      enabled: true,
    });
    // Ada-1 sells armour for the character's class: her stock is not the same for everybody.
    expect(result.body.Response?.vendors.data[String(VendorHashes.Ada)]).toBeUndefined();
  });
});
