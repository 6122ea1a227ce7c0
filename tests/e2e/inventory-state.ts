// The inventory as the sandbox has it and as the app shows it, and the move server action as
// React's client sends it: shared by the end-to-end suites that check nothing is lost.
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import {
  encodeStateAndForm,
  parseActionResult,
  readActionIds,
} from "../../scripts/loadtest/server-action";
import { BucketHashes } from "../../lib/destiny/buckets";

const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const IDLE_ITEM = { status: "idle", message: "", notices: [], placements: [], writes: 0 };
const SUBCLASS_BUCKET = BucketHashes.Subclass;

type StateItem = { itemInstanceId?: string; where: string };
type ViewItem = {
  itemInstanceId: string | null;
  location: string;
  ownerCharacterId: string | null;
};

/** The sandbox's own state: instance id → where the item is. */
export async function placements(request: APIRequestContext, user = "demo") {
  const body = (await (await request.get(`/sandbox/__sandbox/state?user=${user}`)).json()) as {
    profiles: { items: StateItem[] }[];
  };
  return new Map(
    body.profiles.flatMap((p) =>
      p.items.flatMap((i) => (i.itemInstanceId ? [[i.itemInstanceId, i.where] as const] : [])),
    ),
  );
}

/** The app's fresh view of the inventory, as instance id → "<location>[:<character>]". */
export async function shownPlacements(page: Page) {
  const response = await page.request.get("/inventory/view?fresh=1");
  expect(response.status()).toBe(200);
  const view = (await response.json()) as { kind: string; items: ViewItem[] };
  expect(view.kind).toBe("inventory");
  return new Map(
    view.items.flatMap((i) =>
      i.itemInstanceId
        ? [
            [
              i.itemInstanceId,
              i.ownerCharacterId ? `${i.location}:${i.ownerCharacterId}` : i.location,
            ] as const,
          ]
        : [],
    ),
  );
}

/** Runs the inventory's server action (a move, equip, pull or lock) and returns its state. */
export async function move(page: Page, fields: Record<string, string>) {
  const id = readActionIds(distDir).get("app/inventory/actions.ts#inventoryAction")!;
  const response = await page.request.post("/inventory", {
    headers: { "next-action": id, accept: "text/x-component" },
    multipart: encodeStateAndForm(IDLE_ITEM, fields),
  });
  expect(response.status()).toBe(200);
  return parseActionResult(await response.text());
}

/** A weapon or armour piece in a character's inventory (subclasses can't be transferred). */
export async function firstMovable(request: APIRequestContext) {
  const body = (await (await request.get("/sandbox/__sandbox/state?user=demo")).json()) as {
    profiles: { items: (StateItem & { bucketHash: number })[] }[];
  };
  const item = body.profiles
    .flatMap((p) => p.items)
    .find(
      (i) =>
        i.itemInstanceId && i.where.startsWith("inventory:") && i.bucketHash !== SUBCLASS_BUCKET,
    )!;
  return { id: item.itemInstanceId!, where: item.where, characterId: item.where.split(":")[1]! };
}

/**
 * Scrolls through the vault, as a player does, until the tile with this key is drawn (the vault
 * draws its tiles a chunk at a time as they come into view), and returns it.
 */
export async function revealTile(page: Page, key: string) {
  const target = page.locator(`[data-testid="item-tile"][data-item-key="${key}"]`).first();
  const chunks = page.locator('#vault [data-testid="lazy-chunk"]');
  while ((await target.count()) === 0) {
    const left = await chunks.count();
    if (left === 0) break;
    await chunks.first().scrollIntoViewIfNeeded();
    await expect.poll(() => chunks.count()).toBeLessThan(left);
  }
  await expect(target).toBeAttached();
  return target;
}
