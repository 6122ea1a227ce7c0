import "server-only";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { isBungieError, type BungieClient } from "@/lib/bungie";
import { snapshotLoadout } from "@/lib/bungie/loadout-actions";
import { IN_GAME_LOADOUT_BUCKETS } from "@/lib/destiny/buckets";
import { canClassUse } from "@/lib/destiny/planner-state";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";
import { explainBungieError } from "@/lib/guardian/explain-error";
import { getGuardianContext, type GuardianContext } from "@/lib/guardian/guardian-context";
import { getBungieAccessToken } from "@/lib/auth/access-token";
import { invalidateProfile } from "@/lib/guardian/profile-store";
import type { ItemView } from "@/lib/guardian/view-types";
import { equipSavedLoadout } from "./equip-loadout";
import { plugsOf, type LoadoutItem } from "./loadout-items";
import {
  createLoadout,
  deleteLoadout,
  getSharedLoadout,
  revokeShare,
  shareLoadout,
  updateLoadout,
} from "./loadout-store";
import { readLoadoutWorld, type LoadoutWorld } from "./loadout-world";

// The work behind /loadouts/saved's server actions (app/loadouts/saved/actions.ts opens them
// through runPlayerAction). Every item saved comes from the player's own profile, matched by id:
// an id the form names that isn't theirs is refused, never stored.

export type SavedActionState = {
  status: "idle" | "ok" | "error";
  message: string;
  loadoutId?: string;
  shareId?: string | null;
};

export const IDLE_SAVED_STATE: SavedActionState = { status: "idle", message: "" };

const error = (message: string): SavedActionState => ({ status: "error", message });

const LOADOUT_BUCKETS = IN_GAME_LOADOUT_BUCKETS as readonly number[];

function pieceOf(item: ItemView, sockets: LoadoutWorld["sockets"]): LoadoutItem {
  return {
    itemHash: item.itemHash,
    itemInstanceId: item.itemInstanceId!,
    bucketHash: item.bucketHash,
    plugs: plugsOf(sockets.get(item.itemInstanceId!) ?? []),
  };
}

async function worldOf(
  userId: string,
  client?: BungieClient,
): Promise<{ context: GuardianContext; world: LoadoutWorld } | SavedActionState> {
  const context = await getGuardianContext(userId);
  if (!context) return error("Your Bungie.net account has no Destiny profile.");
  try {
    return { context, world: await readLoadoutWorld(context, { client }) };
  } catch (e) {
    if (e instanceof BungieSessionEndedError) return error(e.message);
    if (isBungieError(e)) return error(explainBungieError(e, null, null));
    throw e;
  }
}

async function stored(
  userId: string,
  name: string,
  classType: number,
  items: LoadoutItem[],
): Promise<SavedActionState> {
  if (items.length === 0) return error("There is nothing to save: no weapon, armour or subclass.");
  const created = await createLoadout(userId, { name, classType, items });
  if (!created.ok) return error("You have 200 loadouts, the most Warmind keeps: delete one first.");
  return { status: "ok", message: `Saved "${name}".`, loadoutId: created.loadout.id };
}

/** Saves what a character wears now: weapons, armour, subclass and its plugs. */
export async function saveCurrentGear(
  userId: string,
  input: { characterId: string; name: string },
  options: { client?: BungieClient } = {},
): Promise<SavedActionState> {
  const found = await worldOf(userId, options.client);
  if ("status" in found) return found;
  const { view, sockets } = found.world;
  const character = view.characters.find((c) => c.characterId === input.characterId);
  if (!character) return error("That character is not one of yours.");
  const items = view.items
    .filter(
      (i) =>
        i.location === "equipped" &&
        i.ownerCharacterId === character.characterId &&
        i.itemInstanceId !== null &&
        LOADOUT_BUCKETS.includes(i.bucketHash),
    )
    .map((i) => pieceOf(i, sockets));
  return stored(userId, input.name, character.classType, items);
}

/** Imports one of the game's loadout slots (its items and the plugs it sets). */
export async function saveFromSlot(
  userId: string,
  input: { characterId: string; slotIndex: number; name: string },
  options: { client?: BungieClient } = {},
): Promise<SavedActionState> {
  const found = await worldOf(userId, options.client);
  if ("status" in found) return found;
  const { view, slots } = found.world;
  const character = view.characters.find((c) => c.characterId === input.characterId);
  if (!character) return error("That character is not one of yours.");
  const slot = slots[character.characterId]?.find((s) => s.index === input.slotIndex);
  if (!slot || slot.empty) return error("That loadout slot is empty.");
  const items: LoadoutItem[] = [];
  for (const entry of slot.items) {
    const item = view.items.find((i) => i.itemInstanceId === entry.itemInstanceId);
    if (!item || !LOADOUT_BUCKETS.includes(item.bucketHash)) continue;
    const plugs: Record<string, number> = {};
    entry.plugItemHashes.forEach((hash, index) => {
      if (hash !== UNSET_PLUG_HASH && hash !== 0) plugs[String(index)] = hash;
    });
    items.push({
      itemHash: item.itemHash,
      itemInstanceId: entry.itemInstanceId,
      bucketHash: item.bucketHash,
      plugs,
    });
  }
  return stored(userId, input.name, character.classType, items);
}

/** Saves a loadout of items the player picked (each must be theirs and fit the class). */
export async function savePicked(
  userId: string,
  input: { name: string; classType: number; itemInstanceIds: string[] },
  options: { client?: BungieClient } = {},
): Promise<SavedActionState> {
  const found = await worldOf(userId, options.client);
  if ("status" in found) return found;
  const { view, sockets } = found.world;
  const items: LoadoutItem[] = [];
  const buckets = new Set<number>();
  for (const id of new Set(input.itemInstanceIds)) {
    const item = view.items.find((i) => i.itemInstanceId === id);
    if (!item) return error("One of those items is not in your inventory.");
    if (!LOADOUT_BUCKETS.includes(item.bucketHash)) {
      return error(`${item.name} is not a weapon, armour piece or subclass.`);
    }
    if (!canClassUse(item.classType, input.classType)) {
      return error(`${item.name} is another class's gear.`);
    }
    if (buckets.has(item.bucketHash)) return error(`Two items for the same slot (${item.name}).`);
    buckets.add(item.bucketHash);
    items.push(pieceOf(item, sockets));
  }
  return stored(userId, input.name, input.classType, items);
}

export async function renameSaved(
  userId: string,
  input: { loadoutId: string; name: string },
): Promise<SavedActionState> {
  return (await updateLoadout(userId, input.loadoutId, { name: input.name }))
    ? { status: "ok", message: `Renamed to "${input.name}".`, loadoutId: input.loadoutId }
    : error("That loadout is not one of yours.");
}

/** Replaces the items (the editor's order and removals); ids must stay within the loadout's. */
export async function reorderSaved(
  userId: string,
  input: { loadoutId: string; items: LoadoutItem[] },
  current: LoadoutItem[],
): Promise<SavedActionState> {
  const known = new Set(current.map((i) => i.itemInstanceId));
  if (!input.items.every((i) => known.has(i.itemInstanceId))) {
    return error("A loadout can only be edited with its own items here.");
  }
  return (await updateLoadout(userId, input.loadoutId, { items: input.items }))
    ? { status: "ok", message: "Saved your changes.", loadoutId: input.loadoutId }
    : error("That loadout is not one of yours.");
}

export async function deleteSaved(
  userId: string,
  input: { loadoutId: string },
): Promise<SavedActionState> {
  return (await deleteLoadout(userId, input.loadoutId))
    ? { status: "ok", message: "Deleted the loadout." }
    : error("That loadout is not one of yours.");
}

export async function shareSaved(
  userId: string,
  input: { loadoutId: string; share: boolean },
): Promise<SavedActionState> {
  if (!input.share) {
    return (await revokeShare(userId, input.loadoutId))
      ? {
          status: "ok",
          message: "The share link no longer works.",
          loadoutId: input.loadoutId,
          shareId: null,
        }
      : error("That loadout is not one of yours.");
  }
  const shareId = await shareLoadout(userId, input.loadoutId);
  return shareId
    ? {
        status: "ok",
        message: "Anyone signed in with the link can see it.",
        loadoutId: input.loadoutId,
        shareId,
      }
    : error("That loadout is not one of yours.");
}

/** Copies a shared loadout into the viewer's own (items they don't own stay, shown as missing). */
export async function copyShared(
  userId: string,
  input: { shareId: string },
): Promise<SavedActionState> {
  const shared = await getSharedLoadout(input.shareId, userId);
  if (!shared || shared.damaged) return error("That share link no longer works.");
  return stored(userId, shared.name, shared.classType, shared.items);
}

/** Writes a saved loadout into one of the game's slots: equip it, then SnapshotLoadout. */
export async function writeToSlot(
  userId: string,
  input: { loadoutId: string; characterId: string; slotIndex: number },
  options: { client?: BungieClient } = {},
): Promise<SavedActionState> {
  const equipped = await equipSavedLoadout(
    userId,
    { loadoutId: input.loadoutId, characterId: input.characterId, clearOthers: false },
    options,
  );
  // "Already equipped" is fine: the snapshot takes what the character wears.
  const alreadyOn =
    equipped.status === "error" &&
    equipped.calls === 0 &&
    /already equipped/.test(equipped.message);
  if (equipped.status === "error" && !alreadyOn) return error(equipped.message);
  const context = await getGuardianContext(userId);
  if (!context) return error("Your Bungie.net account has no Destiny profile.");
  const world = await readLoadoutWorld(context, options);
  const slots = world.slots[input.characterId];
  if (!slots?.some((s) => s.index === input.slotIndex)) {
    return error("That loadout slot doesn't exist on this character.");
  }
  try {
    await snapshotLoadout(
      {
        accessToken: await getBungieAccessToken(userId),
        bungieMembershipId: context.bungieMembershipId,
        membershipType: context.account.membershipType,
        characterId: input.characterId,
        loadoutIndex: input.slotIndex,
      },
      { client: options.client },
    );
  } catch (e) {
    if (e instanceof BungieSessionEndedError) return error(e.message);
    if (isBungieError(e)) return error(explainBungieError(e, null, null));
    throw e;
  } finally {
    await invalidateProfile(context.account);
  }
  return { status: "ok", message: `Saved into the game's slot ${input.slotIndex + 1}.` };
}
