// GetVendors, GetVendor and GetPublicVendors. Like the real API since 2024, GetVendors
// returns no item components; GetVendor may (300-305 for the items on sale). A character's
// vendors are private: only its owner gets data, everyone else `{"privacy": 2}`.
import type {
  DestinyPublicVendorComponent,
  DestinyPublicVendorSaleItemComponent,
  DestinyVendorCategoriesComponent,
  DestinyVendorComponent,
  DestinyVendorGroupComponent,
  DestinyVendorSaleItemComponent,
} from "bungie-api-ts/destiny2";
import { ok, platformError } from "../http/envelope";
import { int32Param } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { isoDate } from "../render/users";
import type { ItemMeta, VendorSpec } from "../world/definitions";
import type { VendorDefinition } from "../world/definitions/vendors";
import type { DestinyProfile } from "../world/types";
import { vendorStock, type VendorStock } from "../world/vendor-stock";
import { characterForRead, componentsOf, isOwner } from "./destiny2-profile";

const EMPTY_PROGRESSION = {
  progressionHash: 0,
  dailyProgress: 0,
  dailyLimit: 0,
  weeklyProgress: 0,
  weeklyLimit: 0,
  currentProgress: 0,
  level: 0,
  levelCap: 0,
  stepIndex: 0,
  progressToNextLevel: 0,
  nextLevelAt: 0,
  seasonResets: [],
  rewardItemStates: [],
  rewardItemSocketOverrideStates: {},
};

function vendorDef(ctx: RequestContext, hash: number): VendorDefinition | undefined {
  return (ctx.defs.tables.DestinyVendorDefinition as Record<string, VendorDefinition>)[
    String(hash)
  ];
}

function vendorComponent(spec: VendorSpec, nextRefresh: number): DestinyVendorComponent {
  return {
    canPurchase: true,
    progression: { ...EMPTY_PROGRESSION },
    vendorLocationIndex: 0,
    vendorHash: spec.hash,
    nextRefreshDate: isoDate(nextRefresh),
    enabled: true,
  };
}

function currencies(profile: DestinyProfile | undefined): Map<number, number> {
  const held = new Map<number, number>();
  for (const item of profile?.items ?? []) {
    if (item.place.kind === "currency" || item.place.kind === "profile") {
      held.set(item.itemHash, (held.get(item.itemHash) ?? 0) + item.quantity);
    }
  }
  return held;
}

/** Sale entries of a vendor's current stock; saleStatus NoFunds (2) when the caller can't pay. */
function sales(
  def: VendorDefinition,
  indexes: number[],
  held: Map<number, number> | undefined,
  personal: boolean,
) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const index of indexes) {
    const entry = def.itemList[index];
    if (!entry) continue;
    const costs = entry.currencies.map((c) => ({
      itemHash: c.itemHash,
      quantity: c.quantity,
      hasConditionalVisibility: false,
    }));
    const affordable = !held || costs.every((c) => (held.get(c.itemHash) ?? 0) >= c.quantity);
    out[String(index)] = personal
      ? ({
          saleStatus: affordable ? 0 : 2,
          requiredUnlocks: [],
          unlockStatuses: [],
          failureIndexes: affordable ? [] : [0],
          augments: 0,
          itemValueVisibility: costs.map(() => true),
          vendorItemIndex: index,
          itemHash: entry.itemHash,
          quantity: entry.quantity,
          costs,
          apiPurchasable: false,
        } satisfies DestinyVendorSaleItemComponent)
      : ({
          vendorItemIndex: index,
          itemHash: entry.itemHash,
          quantity: entry.quantity,
          costs,
          apiPurchasable: false,
        } satisfies DestinyPublicVendorSaleItemComponent);
  }
  return out;
}

function categories(def: VendorDefinition, indexes: number[]): DestinyVendorCategoriesComponent {
  const byCategory = new Map<number, number[]>();
  for (const index of indexes) {
    const entry = def.itemList[index];
    if (!entry) continue;
    const list = byCategory.get(entry.displayCategoryIndex) ?? [];
    list.push(index);
    byCategory.set(entry.displayCategoryIndex, list);
  }
  return {
    categories: [...byCategory.entries()]
      .sort(([a], [b]) => a - b)
      .map(([displayCategoryIndex, itemIndexes]) => ({ displayCategoryIndex, itemIndexes })),
  };
}

function vendorGroups(specs: readonly VendorSpec[]): DestinyVendorGroupComponent {
  const groups = new Map<number, number[]>();
  for (const spec of specs) {
    const list = groups.get(spec.groupHash) ?? [];
    list.push(spec.hash);
    groups.set(spec.groupHash, list);
  }
  return {
    groups: [...groups.entries()].map(([vendorGroupHash, vendorHashes]) => ({
      vendorGroupHash,
      vendorHashes,
    })),
  };
}

interface VendorTarget {
  profile: DestinyProfile;
  owner: boolean;
  components: Set<number>;
}

function vendorTarget(ctx: RequestContext): VendorTarget | Response {
  const target = characterForRead(ctx);
  if (target instanceof Response) return target;
  const { profile, components } = target;
  return { profile, owner: isOwner(ctx, profile), components };
}

/** The vendors of this world: the hostile-named one only after POST /__sandbox/hostile-names. */
function vendorSpecs(ctx: RequestContext): readonly VendorSpec[] {
  return ctx.state.hostileNames
    ? [...ctx.defs.vendorSpecs, ctx.defs.hostile.vendor]
    : ctx.defs.vendorSpecs;
}

type PresentVendor = { spec: VendorSpec; stock: VendorStock };

function presentVendors(ctx: RequestContext): PresentVendor[] {
  const now = ctx.state.now();
  return vendorSpecs(ctx)
    .map((spec) => ({ spec, stock: vendorStock(ctx.state.world.seed, spec, now) }))
    .filter(({ stock }) => stock.present);
}

/** A component's envelope as the caller may see it: `{data, privacy}` or `{privacy}` alone. */
type Wrap = <T>(make: () => T) => unknown;

/**
 * Components 400 (groups and vendors), 401 (categories) and 402 (sales) of a list of vendors,
 * keyed by vendor hash: what GetVendors and GetPublicVendors both answer, each with its own
 * vendor component, privacy and sale entries (`held` and `personal`, see `sales`).
 */
function vendorListComponents(
  ctx: RequestContext,
  vendors: readonly PresentVendor[],
  components: Set<number>,
  wrap: Wrap,
  vendor: (spec: VendorSpec, nextRefresh: number) => unknown,
  saleEntries: { held: Map<number, number> | undefined; personal: boolean },
): Record<string, unknown> {
  const byVendor = (make: (spec: VendorSpec, stock: VendorStock) => unknown) =>
    Object.fromEntries(
      vendors.flatMap(({ spec, stock }) => {
        const value = make(spec, stock);
        return value === undefined ? [] : [[String(spec.hash), value]];
      }),
    );
  const withDef = <T>(make: (def: VendorDefinition, stock: VendorStock) => T) =>
    byVendor((spec, stock) => {
      const def = vendorDef(ctx, spec.hash);
      return def ? make(def, stock) : undefined;
    });
  const out: Record<string, unknown> = {};
  if (components.has(400)) {
    out.vendorGroups = wrap(() => vendorGroups(vendors.map((v) => v.spec)));
    out.vendors = wrap(() => byVendor((spec, stock) => vendor(spec, stock.nextRefreshDate)));
  }
  if (components.has(401)) {
    out.categories = wrap(() => withDef((def, stock) => categories(def, stock.indexes)));
  }
  if (components.has(402)) {
    const { held, personal } = saleEntries;
    out.sales = wrap(() =>
      withDef((def, stock) => ({ saleItems: sales(def, stock.indexes, held, personal) })),
    );
  }
  return out;
}

function getVendors(ctx: RequestContext): Response {
  const recorded = ctx.state.recording;
  if (recorded?.vendors && recorded.membershipIds.has(ctx.params.destinyMembershipId ?? ""))
    return ok(recorded.vendors);
  const target = vendorTarget(ctx);
  if (target instanceof Response) return target;
  const { owner, components, profile } = target;
  const apiPurchasableOnly = ctx.url.searchParams.get("filter") === "1";
  const vendors = apiPurchasableOnly ? [] : presentVendors(ctx);
  const held = currencies(profile);
  const wrap: Wrap = (make) => (owner ? { data: make(), privacy: 2 } : { privacy: 2 });
  const out = vendorListComponents(ctx, vendors, components, wrap, vendorComponent, {
    held,
    personal: true,
  });
  // Since 2024 Bungie no longer returns item components from GetVendors.
  out.itemComponents = {};
  if (components.has(600))
    out.currencyLookups = wrap(() => ({ itemQuantities: Object.fromEntries(held) }));
  if (components.has(1200)) out.stringVariables = wrap(() => ({ integerValuesByHash: {} }));
  return ok(out);
}

/** Item components for sale items, keyed by vendorItemIndex (GetVendor, 300-305). */
function saleItemComponents(
  ctx: RequestContext,
  def: VendorDefinition,
  indexes: number[],
  components: Set<number>,
) {
  const table = (make: (meta: ItemMeta) => unknown) => {
    const data: Record<string, unknown> = {};
    for (const index of indexes) {
      const entry = def.itemList[index];
      const meta = entry && ctx.defs.meta.get(entry.itemHash);
      if (!meta || !meta.instanced) continue;
      const value = make(meta);
      if (value !== undefined) data[String(index)] = value;
    }
    return { data, privacy: 1 };
  };
  const out: Record<string, unknown> = {};
  if (components.has(300)) {
    out.instances = table((meta) => ({
      damageType: meta.damageType,
      ...(meta.damageTypeHash ? { damageTypeHash: meta.damageTypeHash } : {}),
      ...(meta.primaryStatHash
        ? { primaryStat: { statHash: meta.primaryStatHash, value: 2010 } }
        : {}),
      itemLevel: 201,
      quality: 0,
      isEquipped: false,
      canEquip: false,
      equipRequiredLevel: 0,
      unlockHashesRequiredToEquip: [],
      cannotEquipReason: 0,
    }));
  }
  if (components.has(302)) out.perks = table(() => ({ perks: [] }));
  if (components.has(304)) {
    out.stats = table((meta) => {
      const stats: Record<string, { statHash: number; value: number }> = {};
      for (const [hash, value] of Object.entries(meta.baseStats)) {
        if (Number(hash) !== meta.primaryStatHash) stats[hash] = { statHash: Number(hash), value };
      }
      return { stats };
    });
  }
  if (components.has(305)) {
    out.sockets = table((meta) =>
      meta.socketOptions.length === 0
        ? undefined
        : {
            sockets: meta.socketOptions.map((o) => ({
              plugHash: o[0],
              isEnabled: true,
              isVisible: true,
              enableFailIndexes: [],
            })),
          },
    );
  }
  return out;
}

function getVendor(ctx: RequestContext): Response {
  const target = vendorTarget(ctx);
  if (target instanceof Response) return target;
  const { owner, components, profile } = target;
  const vendorHash = int32Param(ctx.params.vendorHash, "vendorHash") >>> 0;
  const spec = vendorSpecs(ctx).find((s) => s.hash === vendorHash);
  const def = vendorDef(ctx, vendorHash);
  if (!spec || !def) return platformError(1627);
  const stock = vendorStock(ctx.state.world.seed, spec, ctx.state.now());
  // Xûr away: the vendor does not exist for the character.
  if (!stock.present) return platformError(1627);
  const held = currencies(profile);
  const wrap = <T>(make: () => T) => (owner ? { data: make(), privacy: 2 } : { privacy: 2 });
  const out: Record<string, unknown> = {};
  if (components.has(400)) out.vendor = wrap(() => vendorComponent(spec, stock.nextRefreshDate));
  if (components.has(401)) out.categories = wrap(() => categories(def, stock.indexes));
  if (components.has(402)) out.sales = wrap(() => sales(def, stock.indexes, held, true));
  out.itemComponents = owner ? saleItemComponents(ctx, def, stock.indexes, components) : {};
  if (components.has(600))
    out.currencyLookups = wrap(() => ({ itemQuantities: Object.fromEntries(held) }));
  if (components.has(1200)) out.stringVariables = wrap(() => ({ integerValuesByHash: {} }));
  return ok(out);
}

function getPublicVendors(ctx: RequestContext): Response {
  const components = componentsOf(ctx);
  const publicVendor = (spec: VendorSpec, nextRefresh: number): DestinyPublicVendorComponent => ({
    vendorHash: spec.hash,
    nextRefreshDate: isoDate(nextRefresh),
    enabled: true,
  });
  const out = vendorListComponents(
    ctx,
    presentVendors(ctx),
    components,
    (make) => ({ data: make(), privacy: 1 }),
    publicVendor,
    { held: undefined, personal: false },
  );
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
