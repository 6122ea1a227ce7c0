import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { LoadoutItemsSchema, MAX_LOADOUTS_PER_PLAYER, type LoadoutItem } from "./loadout-items";

// Warmind's saved loadouts in the database. Every function that reads or changes one takes the
// player's user id (from the session, never the request) and matches it in the WHERE clause, so a
// forged id of someone else's loadout finds nothing rather than something to check afterwards.

export type SavedLoadout = {
  id: string;
  name: string;
  classType: number;
  items: LoadoutItem[];
  /** The share link's id, null when not shared. */
  shareId: string | null;
  /** True when the stored items failed validation (shown empty, never equipped half-read). */
  damaged: boolean;
  createdAt: Date;
  updatedAt: Date;
};

type Row = {
  id: string;
  name: string;
  classType: number;
  items: Prisma.JsonValue;
  shareId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = {
  id: true,
  name: true,
  classType: true,
  items: true,
  shareId: true,
  createdAt: true,
  updatedAt: true,
} as const;

function fromRow(row: Row): SavedLoadout {
  const parsed = LoadoutItemsSchema.safeParse(row.items);
  if (!parsed.success) log.warn("loadouts.damaged_items", { loadoutId: row.id });
  return {
    id: row.id,
    name: row.name,
    classType: row.classType,
    items: parsed.success ? parsed.data : [],
    shareId: row.shareId,
    damaged: !parsed.success,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type NewLoadout = { name: string; classType: number; items: LoadoutItem[] };

export type CreateResult = { ok: true; loadout: SavedLoadout } | { ok: false; reason: "limit" };

/**
 * Saves a new loadout unless the player already has MAX_LOADOUTS_PER_PLAYER. The count and the
 * insert run in one transaction holding the player's User row, so two saves at once can't both
 * see 199 and make 201.
 */
export async function createLoadout(userId: string, input: NewLoadout): Promise<CreateResult> {
  const items = LoadoutItemsSchema.parse(input.items);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const count = await tx.loadout.count({ where: { userId } });
    if (count >= MAX_LOADOUTS_PER_PLAYER) return { ok: false, reason: "limit" } as const;
    const row = await tx.loadout.create({
      data: { userId, name: input.name, classType: input.classType, items },
      select: COLUMNS,
    });
    return { ok: true, loadout: fromRow(row) } as const;
  });
}

export async function listLoadouts(userId: string): Promise<SavedLoadout[]> {
  const rows = await db.loadout.findMany({
    where: { userId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: COLUMNS,
    take: MAX_LOADOUTS_PER_PLAYER,
  });
  return rows.map(fromRow);
}

/** The player's own loadout; null when the id is unknown or someone else's. */
export async function getOwnLoadout(userId: string, id: string): Promise<SavedLoadout | null> {
  const row = await db.loadout.findFirst({ where: { id, userId }, select: COLUMNS });
  return row ? fromRow(row) : null;
}

/** Changes name and/or items of the player's own loadout; false when it is not theirs. */
export async function updateLoadout(
  userId: string,
  id: string,
  change: { name?: string; items?: LoadoutItem[] },
): Promise<boolean> {
  const data: Prisma.LoadoutUpdateManyMutationInput = {};
  if (change.name !== undefined) data.name = change.name;
  if (change.items !== undefined) data.items = LoadoutItemsSchema.parse(change.items);
  const { count } = await db.loadout.updateMany({ where: { id, userId }, data });
  return count === 1;
}

export async function deleteLoadout(userId: string, id: string): Promise<boolean> {
  const { count } = await db.loadout.deleteMany({ where: { id, userId } });
  return count === 1;
}

/** 128 random bits, base64url: 22 characters nobody can guess or enumerate. */
export function newShareId(): string {
  return randomBytes(16).toString("base64url");
}

export const ShareIdPattern = /^[A-Za-z0-9_-]{22}$/;

/** Shares the player's loadout (keeping the link it already has); null when not theirs. */
export async function shareLoadout(userId: string, id: string): Promise<string | null> {
  const own = await getOwnLoadout(userId, id);
  if (!own) return null;
  if (own.shareId) return own.shareId;
  const shareId = newShareId();
  const { count } = await db.loadout.updateMany({
    where: { id, userId, shareId: null },
    data: { shareId },
  });
  // A concurrent share won the race: its link is the one.
  return count === 1 ? shareId : ((await getOwnLoadout(userId, id))?.shareId ?? null);
}

/** Ends the share link: whoever holds the old link finds nothing. */
export async function revokeShare(userId: string, id: string): Promise<boolean> {
  const { count } = await db.loadout.updateMany({ where: { id, userId }, data: { shareId: null } });
  return count === 1;
}

export type SharedLoadout = SavedLoadout & {
  /** The owner's Bungie name, as the shared page credits them. */
  ownerName: string | null;
  /** Whether the viewer is the owner (then there is nothing to copy). */
  ownedByViewer: boolean;
};

/** A shared loadout by its link id, for any signed-in viewer; null when unknown or revoked. */
export async function getSharedLoadout(
  shareId: string,
  viewerId: string,
): Promise<SharedLoadout | null> {
  if (!ShareIdPattern.test(shareId)) return null;
  const row = await db.loadout.findUnique({
    where: { shareId },
    select: { ...COLUMNS, userId: true, user: { select: { bungieName: true } } },
  });
  if (!row) return null;
  return {
    ...fromRow(row),
    ownerName: row.user.bungieName,
    ownedByViewer: row.userId === viewerId,
  };
}
