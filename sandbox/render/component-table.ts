// How GetProfile, GetCharacter and GetItem put a response together: each has one table from
// response key to the ComponentType (by name) that asks for it and the renderer that fills it.
// A response holds the keys whose component was requested, in the table's order (Bungie's
// key order, kept byte for byte). Privacy follows Bungie: `{data, privacy}`, and a component
// the caller may not see comes back as `{"privacy": 2}` without data (Bungie-net/api#499).
import { ComponentType } from "../../lib/destiny/api-enums";
import { collectibleEntries, type CollectibleEntry } from "../world/collectibles";
import type { ItemMeta, ManifestDefinitions } from "../world/definitions";
import type { DestinyProfile, WorldItem } from "../world/types";
import { PRIVATE_COMPONENTS } from "./components";
import { buildEquipView, type EquipView } from "./items";

export type ComponentName = Exclude<keyof typeof ComponentType, "None">;

export interface ComponentEntry<C> {
  /** The components that ask for this key (any one of them is enough). */
  readonly components: readonly ComponentName[];
  readonly render: (ctx: C) => unknown;
}

/** A response's table: every key must be one of Bungie's for that response (typos fail to compile). */
export type ComponentTable<C, Response> = { readonly [K in keyof Response]?: ComponentEntry<C> };

export function renderTable<C, Response>(
  table: ComponentTable<C, Response>,
  requested: ReadonlySet<number>,
  ctx: C,
): { [K in keyof Response]?: unknown } {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(table) as [string, ComponentEntry<C>][]) {
    if (entry.components.some((name) => requested.has(ComponentType[name])))
      out[key] = entry.render(ctx);
  }
  return out as { [K in keyof Response]?: unknown };
}

/** Every response key of the table that `components` ask for. */
export function keysFor<C, Response>(
  table: ComponentTable<C, Response>,
  components: ReadonlySet<number>,
): string[] {
  return (Object.entries(table) as [string, ComponentEntry<C>][])
    .filter(([, entry]) => entry.components.some((name) => components.has(ComponentType[name])))
    .map(([key]) => key);
}

export interface RenderInput {
  defs: ManifestDefinitions;
  profile: DestinyProfile;
  components: ReadonlySet<number>;
  /** The caller is signed in as this profile's owner. */
  owner: boolean;
  now: number;
}

/** One rendering's input plus the facts several components share, each worked out once. */
export interface RenderContext extends RenderInput {
  meta(item: WorldItem): ItemMeta | undefined;
  /** Who can equip what (instances, 300). */
  readonly view: EquipView;
  /** Collections of this profile (800: profile and character parts). */
  readonly collectibles: readonly CollectibleEntry[];
}

/** The context of one rendering; `extra` adds what a response is about (its character, item). */
export function renderContext<E extends object = object>(
  input: RenderInput,
  extra?: E,
): RenderContext & E {
  let view: EquipView | undefined;
  let collectibles: CollectibleEntry[] | undefined;
  // Getters, not fields: most requests need neither, and a 700-item vault makes both cost.
  return {
    ...input,
    ...(extra as E),
    meta: (item: WorldItem) => input.defs.meta.get(item.itemHash),
    get view() {
      return (view ??= buildEquipView(input.profile, input.defs));
    },
    get collectibles() {
      return (collectibles ??= collectibleEntries(input.defs, input.profile));
    },
  };
}

export type Wrapper<T> = { data?: T; privacy: 1 | 2 };

/** Can the caller see this component? */
function canSee(input: RenderInput, component: number): boolean {
  if (input.owner) return true;
  if (input.profile.availability !== "public" && component !== ComponentType.Profiles) return false;
  return !PRIVATE_COMPONENTS.has(component);
}

/** A component in Bungie's wrapper, with data only for a caller who may see it. */
export function wrap<T>(input: RenderInput, name: ComponentName, make: () => T): Wrapper<T> {
  const component = ComponentType[name];
  const privacy =
    PRIVATE_COMPONENTS.has(component) || input.profile.availability === "private" ? 2 : 1;
  return canSee(input, component) ? { data: make(), privacy } : { privacy };
}

/** A component of the profile as a whole (or of the one character GetCharacter reads). */
export function wrapped<C extends RenderInput>(
  name: ComponentName,
  make: (ctx: C) => unknown,
): ComponentEntry<C> {
  return { components: [name], render: (ctx) => wrap(ctx, name, () => make(ctx)) };
}
