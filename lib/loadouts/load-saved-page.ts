import "server-only";
import { notFound, redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { IN_GAME_LOADOUT_BUCKETS } from "@/lib/destiny/buckets";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { describePlace } from "@/lib/destiny/planner-state";
import { getDefinitions } from "@/lib/manifest";
import { getGuardianContext } from "@/lib/guardian/guardian-context";
import type { TokenRunner } from "@/lib/guardian/player-token";
import { readProfile } from "@/lib/guardian/profile-store";
import { plannerStateOf } from "@/lib/guardian/planner-view";
import type { InventoryView } from "@/lib/guardian/view-types";
import { inventoryViewFor } from "@/lib/guardian/load-inventory-view";
import { plugEntries } from "./loadout-items";
import { loadoutsViewFor } from "./load-loadouts-view";
import { getSharedLoadout, listLoadouts, type SavedLoadout } from "./loadout-store";
import type { SavedLoadoutView, SavedPageView, SharedPageView } from "./saved-view-types";

/** Names and icons of every item and plug the loadouts name, from the manifest (one lookup). */
async function describe(
  loadouts: SavedLoadout[],
  view: InventoryView | null,
  language: string,
  ownedHere: (itemHash: number, instanceId: string) => boolean,
): Promise<SavedLoadoutView[]> {
  const hashes = new Set<number>();
  for (const l of loadouts) {
    for (const i of l.items) {
      hashes.add(i.itemHash);
      for (const [, plug] of plugEntries(i)) hashes.add(plug);
    }
  }
  const defs = await getDefinitions("DestinyInventoryItemDefinition", hashes, language);
  const state = view ? plannerStateOf(view) : null;
  const icon = (path: string | null | undefined) => (path ? bungieAssetUrl(path) : null);
  return loadouts.map((l) => ({
    id: l.id,
    name: l.name,
    classType: l.classType,
    className: CLASS_NAMES[l.classType] ?? "Any class",
    shareId: l.shareId,
    damaged: l.damaged,
    raw: l.items,
    items: l.items.map((i) => {
      const def = defs.get(i.itemHash);
      const held = view?.items.find((v) => v.itemInstanceId === i.itemInstanceId);
      const owned = ownedHere(i.itemHash, i.itemInstanceId);
      return {
        itemInstanceId: i.itemInstanceId,
        itemHash: i.itemHash,
        bucketHash: i.bucketHash,
        name: def.displayProperties.name || "Unknown item",
        icon: icon(def.displayProperties.icon),
        where:
          held && state
            ? describePlace(state, held)
            : owned
              ? "You have one"
              : "Not in your inventory",
        owned,
        plugs: plugEntries(i).map(([socketIndex, hash]) => {
          const plug = defs.get(hash);
          return {
            hash,
            socketIndex,
            name: plug.displayProperties.name || "Unknown plug",
            icon: icon(plug.displayProperties.icon),
          };
        }),
      };
    }),
  }));
}

/** /loadouts/saved: the player's loadouts, each item with where it is now. */
export async function loadSavedPage(): Promise<SavedPageView> {
  const user = await requireUser("/loadouts/saved");
  const context = await getGuardianContext(user.id);
  if (!context) redirect("/no-destiny-account");
  const withToken: TokenRunner = (call) =>
    withAccessTokenOrSignIn(user.id, "/loadouts/saved", call);
  const [loadouts, view] = await Promise.all([
    listLoadouts(user.id),
    inventoryViewFor(context, { withToken }),
  ]);
  // The same cached GetProfile (component 206 included): the slots cost no further Bungie call.
  const slots = await loadoutsViewFor(context, { withToken });
  const ids = new Set(view.items.map((i) => i.itemInstanceId));
  const state = plannerStateOf(view);
  const buckets: readonly number[] = IN_GAME_LOADOUT_BUCKETS;
  return {
    kind: "saved",
    characters: view.characters.map((c) => ({
      characterId: c.characterId,
      classType: c.classType,
      name: c.name,
    })),
    loadouts: await describe(loadouts, view, context.language, (_, id) => ids.has(id)),
    pickable: view.items
      .filter((i) => i.itemInstanceId && i.equippable && buckets.includes(i.bucketHash))
      .map((i) => ({
        itemInstanceId: i.itemInstanceId!,
        name: i.name,
        bucketHash: i.bucketHash,
        classType: i.classType,
        rarityName: i.rarityName,
        where: describePlace(state, i),
      })),
    slots: Object.entries(slots.slots).flatMap(([characterId, list]) =>
      list.map((s) => ({ characterId, index: s.index, name: s.name, empty: s.empty })),
    ),
  };
}

/** /loadouts/shared/<id>: any signed-in player; items they hold no copy of are marked. */
export async function loadSharedPage(shareId: string): Promise<SharedPageView> {
  const user = await requireUser(`/loadouts/shared/${encodeURIComponent(shareId)}`);
  const shared = await getSharedLoadout(shareId, user.id);
  if (!shared) notFound();
  const context = await getGuardianContext(user.id);
  let hashes = new Set<number>();
  if (context) {
    try {
      const profile = await readProfile(context.account, (call) =>
        withAccessTokenOrSignIn(user.id, `/loadouts/shared/${shareId}`, call),
      );
      hashes = new Set(profile.items.map((i) => i.itemHash));
    } catch {
      // Bungie unavailable: the loadout still shows, without "you have one" marks.
    }
  }
  const [loadout] = await describe([shared], null, context?.language ?? "en", (hash) =>
    hashes.has(hash),
  );
  return {
    kind: "shared",
    shareId,
    ownerName: shared.ownerName,
    ownedByViewer: shared.ownedByViewer,
    loadout: loadout!,
  };
}
