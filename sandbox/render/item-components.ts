// Item-level components (300-310), rendered once here for both shapes that carry them:
// GetProfile's and GetCharacter's `itemComponents` (one dictionary per component, by instance
// id) and GetItem (the one item). GetItem's table is at the end.
import type { DestinyItemComponentSetOfint64, DestinyItemResponse } from "bungie-api-ts/destiny2";
import type { WorldItem } from "../world/types";
import {
  type ComponentEntry,
  type ComponentName,
  type ComponentTable,
  renderContext,
  type RenderContext,
  type RenderInput,
  renderTable,
} from "./component-table";
import {
  renderInstance,
  renderItem,
  renderPerks,
  renderReusablePlugs,
  renderSockets,
  renderStats,
} from "./items";

interface ItemPart {
  /** The component for one item (GetItem). */
  one?: (ctx: RenderContext, item: WorldItem) => unknown;
  /**
   * Whether GetProfile and GetCharacter list the item in the component's dictionary (with
   * `one`'s data). Without it the dictionary is empty: the sandbox models no such data.
   */
  listed?: (ctx: RenderContext, item: WorldItem) => boolean;
}

/** Every item-level component, by ComponentType name. */
const ITEM_PARTS = {
  ItemInstances: {
    one: (ctx, item) => renderInstance(item, ctx.meta(item), ctx.view),
    listed: () => true,
  },
  ItemObjectives: {
    one: () => ({ objectives: [], flavorObjective: undefined, dateCompleted: undefined }),
  },
  ItemPerks: {
    one: (ctx, item) => renderPerks(item, ctx.defs),
    listed: (_, item) => item.plugs !== undefined,
  },
  ItemRenderData: { one: () => ({ useCustomDyes: false, artRegions: {} }) },
  ItemStats: { one: (_, item) => renderStats(item), listed: (_, item) => item.stats !== undefined },
  ItemSockets: {
    one: (_, item) => renderSockets(item),
    listed: (_, item) => item.plugs !== undefined,
  },
  ItemTalentGrids: {},
  ItemCommonData: { one: (ctx, item) => renderItem(item, ctx.meta(item)) },
  ItemPlugStates: {},
  ItemPlugObjectives: { one: () => ({ objectivesPerPlug: {} }) },
  ItemReusablePlugs: {
    one: (ctx, item) => renderReusablePlugs(ctx.meta(item)),
    listed: (ctx, item) => (ctx.meta(item)?.socketOptions.length ?? 0) > 0,
  },
} satisfies { [N in ComponentName]?: ItemPart };

type ItemComponentName = keyof typeof ITEM_PARTS;
/** The components GetItem renders for its one item. */
type OneItemName = {
  [N in ItemComponentName]: (typeof ITEM_PARTS)[N] extends { one: unknown } ? N : never;
}[ItemComponentName];

interface ItemsContext {
  ctx: RenderContext;
  /** The instanced items the caller may see. */
  items: readonly WorldItem[];
}

function dictionary(name: ItemComponentName): ComponentEntry<ItemsContext> {
  const part: ItemPart = ITEM_PARTS[name];
  return {
    components: [name],
    render: ({ ctx, items }) => {
      const data: Record<string, unknown> = {};
      if (part.one && part.listed) {
        for (const item of items)
          if (part.listed(ctx, item)) data[item.itemInstanceId as string] = part.one(ctx, item);
      }
      return { data, privacy: 1 };
    },
  };
}

/** `itemComponents` of GetProfile and GetCharacter, in Bungie's key order. */
const ITEM_DICTIONARIES: ComponentTable<ItemsContext, DestinyItemComponentSetOfint64> = {
  instances: dictionary("ItemInstances"),
  objectives: dictionary("ItemObjectives"),
  perks: dictionary("ItemPerks"),
  renderData: dictionary("ItemRenderData"),
  stats: dictionary("ItemStats"),
  sockets: dictionary("ItemSockets"),
  talentGrids: dictionary("ItemTalentGrids"),
  plugStates: dictionary("ItemPlugStates"),
  plugObjectives: dictionary("ItemPlugObjectives"),
  reusablePlugs: dictionary("ItemReusablePlugs"),
};

const DICTIONARY_COMPONENTS = Object.values(ITEM_DICTIONARIES).flatMap(
  (entry) => entry?.components ?? [],
);

/**
 * The `itemComponents` entry of a response covering `itemsOf` (all the profile's items, or one
 * character's). Others see only equipped items of a public profile (CharacterEquipment is
 * public); the owner sees everything.
 */
export function itemComponentsEntry<C extends RenderContext>(
  itemsOf: (ctx: C) => readonly WorldItem[],
): ComponentEntry<C> {
  return {
    components: DICTIONARY_COMPONENTS,
    render: (ctx) => {
      const all = itemsOf(ctx);
      const visible = ctx.owner
        ? all
        : ctx.profile.availability === "public"
          ? all.filter((i) => i.place.kind === "equipped")
          : [];
      const items = visible.filter((i) => i.itemInstanceId !== undefined);
      return renderTable(ITEM_DICTIONARIES, ctx.components, { ctx, items });
    },
  };
}

interface ItemContext extends RenderContext {
  item: WorldItem;
  /** The owner sees any item; others an equipped item of a public profile. */
  visible: boolean;
}

function oneItem(name: OneItemName): ComponentEntry<ItemContext> {
  const one: NonNullable<ItemPart["one"]> = ITEM_PARTS[name].one;
  return {
    components: [name],
    render: (ctx) => (ctx.visible ? { data: one(ctx, ctx.item), privacy: 1 } : { privacy: 2 }),
  };
}

/** GetItem, in Bungie's key order (after `characterId`). */
const ITEM_RESPONSE: ComponentTable<ItemContext, DestinyItemResponse> = {
  item: oneItem("ItemCommonData"),
  instance: oneItem("ItemInstances"),
  objectives: oneItem("ItemObjectives"),
  perks: oneItem("ItemPerks"),
  renderData: oneItem("ItemRenderData"),
  stats: oneItem("ItemStats"),
  sockets: oneItem("ItemSockets"),
  reusablePlugs: oneItem("ItemReusablePlugs"),
  plugObjectives: oneItem("ItemPlugObjectives"),
};

export function renderItemResponse(input: RenderInput, item: WorldItem) {
  const visible =
    input.owner || (input.profile.availability === "public" && item.place.kind === "equipped");
  const ctx = renderContext(input, { item, visible });
  return {
    ...("characterId" in item.place ? { characterId: item.place.characterId } : {}),
    ...renderTable(ITEM_RESPONSE, input.components, ctx),
  };
}
