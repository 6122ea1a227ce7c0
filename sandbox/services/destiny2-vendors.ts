// GetVendors, GetVendor and GetPublicVendors. Like the real API since 2024, GetVendors returns
// every vendor's sales but no item components; GetVendor does (300-305 for the items on sale). A
// character's vendors are private: only its owner gets data, everyone else `{"privacy": 2}`.
// GetPublicVendors covers the vendors whose stock is the same for everybody (no class-bound gear).
import type { DestinyPublicVendorComponent } from "bungie-api-ts/destiny2";
import { ok, platformError } from "../http/envelope";
import { int32Param } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { isoDate } from "../render/users";
import {
  type Holdings,
  renderCategories,
  renderSaleItemComponents,
  renderSales,
  renderVendorGroups,
  vendorComponent,
  type VendorNow,
} from "../render/vendors";
import type { VendorSpec } from "../world/definitions";
import type { VendorDefinition } from "../world/definitions/vendors";
import { characterLight } from "../world/power";
import type { DestinyProfile, WorldCharacter } from "../world/types";
import { vendorStock } from "../world/vendor-stock";
import { characterForRead, componentsOf, isOwner } from "./destiny2-profile";

function vendorDef(ctx: RequestContext, hash: number): VendorDefinition | undefined {
  return (ctx.defs.tables.DestinyVendorDefinition as Record<string, VendorDefinition>)[
    String(hash)
  ];
}

function holdings(profile: DestinyProfile | undefined): Holdings {
  const held = new Map<number, number>();
  for (const item of profile?.items ?? []) {
    if (item.place.kind === "currency" || item.place.kind === "profile") {
      held.set(item.itemHash, (held.get(item.itemHash) ?? 0) + item.quantity);
    }
  }
  return held;
}

interface VendorTarget {
  profile: DestinyProfile;
  character: WorldCharacter;
  owner: boolean;
  components: Set<number>;
}

function vendorTarget(ctx: RequestContext): VendorTarget | Response {
  const target = characterForRead(ctx);
  if (target instanceof Response) return target;
  return { ...target, owner: isOwner(ctx, target.profile) };
}

/** The vendors of this world: the hostile-named one only after POST /__sandbox/hostile-names. */
function vendorSpecs(ctx: RequestContext): readonly VendorSpec[] {
  return ctx.state.hostileNames
    ? [...ctx.defs.vendorSpecs, ctx.defs.hostile.vendor]
    : ctx.defs.vendorSpecs;
}

/** Every vendor in the game now, with its stock for a class (3: the stock everybody sees). */
function presentVendors(ctx: RequestContext, classType?: number): VendorNow[] {
  const now = ctx.state.now();
  return vendorSpecs(ctx).flatMap((spec) => {
    const def = vendorDef(ctx, spec.hash);
    const stock = vendorStock(ctx.state.world.seed, spec, now, classType);
    return def && stock.present ? [{ spec, def, stock }] : [];
  });
}

const byHash = <T>(vendors: readonly VendorNow[], make: (v: VendorNow) => T) =>
  Object.fromEntries(vendors.map((v) => [String(v.spec.hash), make(v)]));

function extraGroups(ctx: RequestContext): VendorSpec[] {
  return ctx.state.hostileNames ? [ctx.defs.hostile.vendor] : [];
}

function getVendors(ctx: RequestContext): Response {
  const recorded = ctx.state.recording;
  if (recorded?.vendors && recorded.membershipIds.has(ctx.params.destinyMembershipId ?? ""))
    return ok(recorded.vendors);
  const target = vendorTarget(ctx);
  if (target instanceof Response) return target;
  const { owner, components, profile, character } = target;
  const apiPurchasableOnly = ctx.url.searchParams.get("filter") === "1";
  const vendors = apiPurchasableOnly ? [] : presentVendors(ctx, character.classType);
  // Bungie lists most vendors and sends sales for two more it does not list.
  const listed = vendors.filter((v) => v.spec.listed);
  const held = holdings(profile);
  const now = ctx.state.now();
  const wrap = <T>(make: () => T) => (owner ? { data: make(), privacy: 2 } : { privacy: 2 });
  const out: Record<string, unknown> = {};
  if (components.has(400)) {
    out.vendorGroups = wrap(() => renderVendorGroups(ctx.defs, listed, extraGroups(ctx)));
    out.vendors = wrap(() => byHash(listed, vendorComponent));
  }
  if (components.has(401)) out.categories = wrap(() => byHash(vendors, renderCategories));
  if (components.has(402)) {
    out.sales = wrap(() =>
      byHash(vendors, (v) => ({ saleItems: renderSales(v, now, held, true) })),
    );
  }
  // Since 2024 Bungie no longer returns item components from GetVendors.
  out.itemComponents = {};
  if (components.has(600))
    out.currencyLookups = wrap(() => ({ itemQuantities: Object.fromEntries(held) }));
  if (components.has(1200)) out.stringVariables = wrap(() => ({ integerValuesByHash: {} }));
  return ok(out);
}

function getVendor(ctx: RequestContext): Response {
  const target = vendorTarget(ctx);
  if (target instanceof Response) return target;
  const { owner, components, profile, character } = target;
  const vendorHash = int32Param(ctx.params.vendorHash, "vendorHash") >>> 0;
  const spec = vendorSpecs(ctx).find((s) => s.hash === vendorHash);
  const def = vendorDef(ctx, vendorHash);
  if (!spec || !def) return platformError(1627);
  const now = ctx.state.now();
  const stock = vendorStock(ctx.state.world.seed, spec, now, character.classType);
  // Xûr away: the vendor does not exist for the character.
  if (!stock.present) return platformError(1627);
  const vendor: VendorNow = { spec, def, stock };
  const held = holdings(profile);
  const wrap = <T>(make: () => T) => (owner ? { data: make(), privacy: 2 } : { privacy: 2 });
  const out: Record<string, unknown> = {};
  if (components.has(400)) out.vendor = wrap(() => vendorComponent(vendor));
  if (components.has(401)) out.categories = wrap(() => renderCategories(vendor));
  if (components.has(402)) out.sales = wrap(() => renderSales(vendor, now, held, true));
  out.itemComponents = owner
    ? renderSaleItemComponents(ctx.defs, vendor, components, {
        seed: ctx.state.world.seed,
        power: characterLight(profile, character.characterId),
      })
    : {};
  if (components.has(600))
    out.currencyLookups = wrap(() => ({ itemQuantities: Object.fromEntries(held) }));
  if (components.has(1200)) out.stringVariables = wrap(() => ({ integerValuesByHash: {} }));
  return ok(out);
}

function getPublicVendors(ctx: RequestContext): Response {
  const components = componentsOf(ctx);
  // The same stock for everybody: vendors without class-bound gear, as Bungie lists them.
  const vendors = presentVendors(ctx).filter((v) => v.spec.listed && !v.spec.classSpecific);
  const now = ctx.state.now();
  const out: Record<string, unknown> = {};
  if (components.has(400)) {
    out.vendorGroups = {
      data: renderVendorGroups(ctx.defs, vendors, extraGroups(ctx)),
      privacy: 1,
    };
    out.vendors = {
      data: byHash(vendors, ({ spec, stock }): DestinyPublicVendorComponent => ({
        vendorHash: spec.hash,
        nextRefreshDate: isoDate(stock.nextRefreshDate),
        enabled: true,
      })),
      privacy: 1,
    };
  }
  if (components.has(401)) out.categories = { data: byHash(vendors, renderCategories), privacy: 1 };
  if (components.has(402)) {
    out.sales = {
      data: byHash(vendors, (v) => ({ saleItems: renderSales(v, now, undefined, false) })),
      privacy: 1,
    };
  }
  if (components.has(1200)) out.stringVariables = { data: { integerValuesByHash: {} }, privacy: 1 };
  return ok(out);
}

export const vendorRoutes: Route[] = [
  {
    method: "GET",
    template: "/Destiny2/Vendors/",
    operation: "Destiny2.GetPublicVendors",
    handler: getPublicVendors,
  },
  {
    method: "GET",
    template:
      "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/",
    operation: "Destiny2.GetVendors",
    handler: getVendors,
  },
  {
    method: "GET",
    template:
      "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/{vendorHash}/",
    operation: "Destiny2.GetVendor",
    handler: getVendor,
  },
];
