import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { InventoryView, ItemView } from "../../lib/guardian/view-types";
import { sandboxControl, signInAs } from "./support";

// The inventory in Chromium against the demo sandbox, at phone and desktop widths. The sandbox's
// own world (GET /sandbox/__sandbox/state) is the oracle for where every item ends up.
test.describe.configure({ mode: "serial" });

const KINETIC = 1498876634;
const ENERGY = 2465295065;
const WEAPON_BUCKETS = [KINETIC, ENERGY, 953998645];

type WorldItem = {
  itemInstanceId?: string;
  itemHash: number;
  where: string;
  locked: boolean;
  power?: number;
  gearTier?: number;
};
type World = {
  characters: { characterId: string; classType: number }[];
  counts: { instanced: number; vault: number };
  items: WorldItem[];
};

async function world(request: APIRequestContext, user = "demo"): Promise<World> {
  const response = await request.get(`/sandbox/__sandbox/state?user=${user}`);
  expect(response.ok()).toBe(true);
  const { profiles } = (await response.json()) as { profiles: World[] };
  return profiles.find((p) => p.characters.length > 0)!;
}

async function whereIs(request: APIRequestContext, itemInstanceId: string, user = "demo") {
  return (await world(request, user)).items.find((i) => i.itemInstanceId === itemInstanceId)?.where;
}

/** Our own page data (same cookies), to pick test subjects by bucket, rarity and place. */
async function viewOf(page: Page): Promise<InventoryView> {
  const response = await page.request.get("/inventory/view?fresh=1");
  expect(response.ok()).toBe(true);
  return (await response.json()) as InventoryView;
}

function character(view: InventoryView, className: string) {
  const found = view.characters.find((c) => c.className === className);
  if (!found) throw new Error(`no ${className}`);
  return found;
}

function pick(view: InventoryView, test: (i: ItemView) => boolean, what: string) {
  const found = view.items.find(test);
  if (!found) throw new Error(`no ${what}`);
  return found;
}

const plainVaultWeapon = (bucket: number) => (i: ItemView) =>
  i.location === "vault" && i.bucketHash === bucket && i.rarity === 5 && i.uniqueLabel === null;

/** Signs in as the demo player and opens the inventory with fresh data from the sandbox. */
async function openInventory(page: Page) {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/inventory");
  await expect(page.getByRole("heading", { name: /^Your (Hunter|Titan|Warlock)/ })).toBeVisible();
  // The server keeps profiles for 15 s; earlier tests used the world this one just reset.
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Inventory refreshed" })).toBeVisible();
  // The choice of character is stored per player: earlier tests may have chosen another.
  await page.getByTestId("character-choice").filter({ hasText: "Hunter" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Showing your Hunter." })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Your Hunter/ })).toBeVisible();
  return viewOf(page);
}

function tile(page: Page, item: ItemView) {
  return page.locator(`[data-testid="item-tile"][data-item-key="${item.itemInstanceId}"]`).first();
}

/**
 * Scrolls through the vault, as a player does, until the item's tile is drawn (the vault draws
 * its tiles a chunk at a time as they come into view).
 */
async function reveal(page: Page, item: ItemView) {
  const target = tile(page, item);
  const chunks = page.locator('#vault [data-testid="lazy-chunk"]');
  while ((await target.count()) === 0) {
    const left = await chunks.count();
    if (left === 0) break;
    await chunks.first().scrollIntoViewIfNeeded();
    await expect.poll(() => chunks.count()).toBeLessThan(left);
  }
  await expect(target).toBeAttached();
}

/** Scrolls until every one of these undrawn chunks is drawn. */
async function revealAll(page: Page, chunks: Locator) {
  for (let left = await chunks.count(); left > 0; left = await chunks.count()) {
    await chunks.first().scrollIntoViewIfNeeded();
    await expect.poll(() => chunks.count()).toBeLessThan(left);
  }
}

const status = (page: Page) => page.getByTestId("action-status");

async function shot(
  page: Page,
  name: string,
  testInfo: { outputPath: (n: string) => string; project: { name: string } },
  fullPage = true,
) {
  await page.screenshot({
    path: testInfo.outputPath(`${name}-${testInfo.project.name}.png`),
    fullPage,
  });
}

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test("shows the chosen character's buckets, the postmaster and the vault", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const titan = character(view, "Titan");
  const state = await world(request);

  await expect(page.getByTestId("character-choice")).toHaveCount(3);
  await expect(page.getByTestId("character-choice").filter({ hasText: "Hunter" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  // Equipped item and inventory per bucket, as tiles with accessible names.
  const kinetic = page.getByTestId(`bucket-${KINETIC}`);
  await expect(kinetic.locator('[data-location="equipped"]')).toHaveCount(1);
  const hunterKinetic = view.items.filter(
    (i) =>
      i.ownerCharacterId === hunter.characterId &&
      i.location === "inventory" &&
      i.bucketHash === KINETIC,
  );
  await expect(kinetic.locator('[data-location="inventory"]')).toHaveCount(hunterKinetic.length);
  const equipped = view.items.find(
    (i) =>
      i.ownerCharacterId === hunter.characterId &&
      i.location === "equipped" &&
      i.bucketHash === KINETIC,
  )!;
  await expect(tile(page, equipped)).toHaveAccessibleName(
    new RegExp(`^${escape(equipped.name)}, .*${equipped.power} power.*equipped$`),
  );

  await expect(page.getByTestId("vault-count")).toHaveText(`${state.counts.vault} / 700`);
  const vaultWeapons = view.items.filter(
    (i) => i.location === "vault" && WEAPON_BUCKETS.includes(i.bucketHash),
  );
  // The vault draws its tiles as they scroll into view: none off screen at first.
  const vaultChunks = page.getByTestId("vault-weapons").getByTestId("lazy-chunk");
  await expect(vaultChunks.first()).toBeAttached();
  await revealAll(page, vaultChunks);
  await expect(page.getByTestId("vault-weapons").getByTestId("item-tile")).toHaveCount(
    vaultWeapons.length,
  );
  await shot(page, "inventory", testInfo);
  // Scrolled down to the vault: on desktop the characters stay at the top as drop targets.
  await page.locator("#vault").scrollIntoViewIfNeeded();
  await shot(page, "vault-viewport", testInfo, false);

  // The Titan's postmaster holds 17 of 21: a warning, in words.
  await page.getByTestId("character-choice").filter({ hasText: "Titan" }).click();
  await expect(page.getByRole("heading", { name: /^Your Titan/ })).toBeVisible();
  const lost = state.items.filter((i) => i.where === `postmaster:${titan.characterId}`).length;
  await expect(page.getByTestId("postmaster-count")).toHaveText(`${lost} / 21`);
  if (lost >= 18) await expect(page.getByText(/postmaster is nearly full/)).toBeVisible();

  // Item sheet: stats, perks, where it is, actions.
  await page.getByTestId("character-choice").filter({ hasText: "Hunter" }).click();
  await expect(page.getByRole("heading", { name: /^Your Hunter/ })).toBeVisible();
  await tile(page, equipped).click();
  const sheet = page.getByTestId("item-sheet");
  await expect(sheet.getByRole("heading", { name: equipped.name })).toBeVisible();
  await expect(sheet.getByTestId("item-place")).toContainText("Equipped on your Hunter");
  await expect(sheet.getByRole("heading", { name: "Stats" })).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Perks and mods" })).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Move to vault" })).toBeVisible();
  // As the player sees it: a bottom sheet on phones, a dialog on desktop.
  await shot(page, "item-sheet", testInfo, false);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
});

test("vault to character, then character to character, through the sheet", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const warlock = character(view, "Warlock");
  const item = pick(view, plainVaultWeapon(ENERGY), "vaulted energy weapon");

  await reveal(page, item);
  await tile(page, item).click();
  await page.getByTestId("item-sheet").getByRole("button", { name: "Move to Hunter" }).click();
  // Optimistic: the tile is in the Hunter's energy bucket at once.
  await expect(
    page.getByTestId(`bucket-${ENERGY}`).locator(`[data-item-key="${item.key}"]`),
  ).toBeVisible();
  await expect(status(page)).toContainText(`Moved ${item.name} to your Hunter.`);
  expect(await whereIs(request, item.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);

  await tile(page, item).click();
  await page.getByTestId("item-sheet").getByRole("button", { name: "Move to Warlock" }).click();
  await expect(status(page)).toContainText(`Moved ${item.name} to your Warlock.`);
  await expect(
    page.getByTestId(`bucket-${ENERGY}`).locator(`[data-item-key="${item.key}"]`),
  ).toHaveCount(0);
  expect(await whereIs(request, item.itemInstanceId!)).toBe(`inventory:${warlock.characterId}`);
  await shot(page, "moved", testInfo);
});

test("equip from the vault in two taps", async ({ page, request }, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const item = pick(view, plainVaultWeapon(KINETIC), "vaulted kinetic weapon");

  await reveal(page, item);
  await tile(page, item).click(); // tap 1: the sheet, "Equip on Hunter" first
  await page.getByRole("button", { name: "Equip on Hunter" }).click(); // tap 2
  await expect(
    page
      .getByTestId(`bucket-${KINETIC}`)
      .locator(`[data-item-key="${item.key}"][data-location="equipped"]`),
  ).toBeVisible();
  await expect(status(page)).toContainText(`Equipped ${item.name} on your Hunter.`);
  expect(await whereIs(request, item.itemInstanceId!)).toBe(`equipped:${hunter.characterId}`);
  await shot(page, "equipped", testInfo);
});

test("equipping an exotic swaps the other equipped exotic for a legendary", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const worn = pick(
    view,
    (i) =>
      i.ownerCharacterId === hunter.characterId &&
      i.location === "equipped" &&
      i.uniqueLabel === "exotic_weapon",
    "equipped exotic weapon",
  );
  const exotic = pick(
    view,
    (i) =>
      i.location === "vault" &&
      i.uniqueLabel === "exotic_weapon" &&
      i.bucketHash !== worn.bucketHash,
    "vaulted exotic for another slot",
  );
  await reveal(page, exotic);
  await tile(page, exotic).click();
  await page.getByRole("button", { name: "Equip on Hunter" }).click();
  await expect(status(page)).toContainText(`Equipped ${exotic.name} on your Hunter.`);
  await expect(status(page)).toContainText(
    `Only one exotic of a kind can be equipped: swapped ${worn.name} for`,
  );
  await expect
    .poll(() => whereIs(request, exotic.itemInstanceId!))
    .toBe(`equipped:${hunter.characterId}`);
  expect(await whereIs(request, worn.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);
  await shot(page, "exotic-swap", testInfo);
});

test("a full bucket makes room by moving its least valuable item to the vault", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const titan = character(view, "Titan");
  const incoming = pick(view, plainVaultWeapon(KINETIC), "vaulted kinetic weapon");
  await page.getByTestId("character-choice").filter({ hasText: "Titan" }).click();
  await expect(page.getByRole("heading", { name: /^Your Titan/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "Kinetic: 9 of 9 in inventory" })).toBeVisible();

  await reveal(page, incoming);
  await tile(page, incoming).click();
  await page.getByRole("button", { name: "Move to Titan" }).click();
  await expect(status(page)).toContainText(`Moved ${incoming.name} to your Titan.`);
  await expect(status(page)).toContainText(
    /Your Titan was full there: moved .+ to the vault to make room\./,
  );
  await expect(page.getByRole("group", { name: "Kinetic: 9 of 9 in inventory" })).toBeVisible();
  expect(await whereIs(request, incoming.itemInstanceId!)).toBe(`inventory:${titan.characterId}`);
  const state = await world(request);
  const onTitan = state.items.filter((i) => i.where === `inventory:${titan.characterId}`);
  expect(onTitan.some((i) => i.itemInstanceId === incoming.itemInstanceId)).toBe(true);
  await shot(page, "full-bucket", testInfo);
});

test("equipping in an activity is refused with why, and the item stays put", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const item = pick(view, plainVaultWeapon(KINETIC), "vaulted kinetic weapon");
  await sandboxControl(request, "activity", { characterId: hunter.characterId, activity: "raid" });

  await reveal(page, item);
  await tile(page, item).click();
  await page.getByRole("button", { name: "Equip on Hunter" }).click();
  await expect(status(page)).toContainText(
    "Your Hunter is in an activity: equipping works only in orbit, a social space or offline.",
  );
  await expect(page.getByTestId("toast").filter({ hasText: "in an activity" })).toBeVisible();
  // Rolled back to what Bungie says: the item is not shown equipped.
  await expect(page.locator(`[data-item-key="${item.key}"][data-location="equipped"]`)).toHaveCount(
    0,
  );
  const where = await whereIs(request, item.itemInstanceId!);
  expect(["vault", `inventory:${hunter.characterId}`]).toContain(where);
  if (where !== "vault")
    await expect(status(page)).toContainText(`${item.name} is on your Hunter.`);
  await shot(page, "in-activity", testInfo);
});

test("a forged payload naming another player's item is refused", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const rival = await world(request, "rival");
  const theirs = rival.items.find((i) => i.where === "vault" && i.itemInstanceId)!;
  const mine = pick(view, plainVaultWeapon(ENERGY), "vaulted energy weapon");
  await reveal(page, mine);
  await tile(page, mine).click();
  const form = page
    .getByTestId("item-sheet")
    .locator("form")
    .filter({ hasText: "Move to Warlock" });
  // What a forged request looks like: the form's hidden item key replaced with the rival's.
  await form.locator('input[name="itemKey"]').evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, theirs.itemInstanceId!);
  await sandboxControl(request, "stats/reset");
  await form.getByRole("button", { name: "Move to Warlock" }).click();
  await expect(status(page)).toHaveText("That item or character is not in your inventory.");
  const stats = await (await request.get("/sandbox/__sandbox/stats")).json();
  expect(stats.operations["Destiny2.TransferItem"]).toBeUndefined();
  expect(await whereIs(request, theirs.itemInstanceId!, "rival")).toBe("vault");
  expect(await whereIs(request, mine.itemInstanceId!)).toBe("vault");
  await shot(page, "forged", testInfo);
});

test("search combines free text and filters", async ({ page }, testInfo) => {
  const view = await openInventory(page);
  const search = page.getByLabel("Search items");
  await search.fill("is:weapon is:exotic");
  const exoticWeapons = view.items.filter(
    (i) => WEAPON_BUCKETS.includes(i.bucketHash) && i.rarity === 6,
  );
  await expect(page.getByTestId("search-count")).toHaveText(`${exoticWeapons.length} items match`);
  await expect(
    page.getByRole("region", { name: /items match/ }).getByTestId("item-tile"),
  ).toHaveCount(exoticWeapons.length);

  await search.fill("is:armor class:hunter power:>=450 -is:locked");
  const expected = view.items.filter(
    (i) =>
      [3448274439, 3551918588, 14239492, 20886954, 1585787867].includes(i.bucketHash) &&
      i.classType === 1 &&
      (i.power ?? 0) >= 450 &&
      !i.locked,
  );
  expect(expected.length).toBeGreaterThan(0);
  await expect(page.getByTestId("search-count")).toHaveText(
    `${expected.length} ${expected.length === 1 ? "item matches" : "items match"}`,
  );
  await shot(page, "search", testInfo);

  const name = view.items.find((i) => i.location === "vault" && i.rarity === 6)!.name;
  await search.fill(`"${name.toLowerCase()}"`);
  await expect(
    page.getByRole("region", { name: /match/ }).getByTestId("item-tile").first(),
  ).toHaveAccessibleName(new RegExp(`^${escape(name)}`));
  await search.fill("");
  await expect(page.getByRole("heading", { name: /^Your Hunter/ })).toBeVisible();
});

test("gear tiers on tiles and in the item sheet, as the sandbox's world has them", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const truth = new Map(
    (await world(request)).items.flatMap((i) => (i.itemInstanceId ? [[i.itemInstanceId, i]] : [])),
  );
  // Every weapon and armour piece on the page shows the tier the world gave it, and only those.
  for (const item of view.items) {
    if (!item.itemInstanceId) continue;
    expect(item.gearTier ?? undefined, item.name).toBe(truth.get(item.itemInstanceId)?.gearTier);
  }
  const hunter = character(view, "Hunter");
  const tiered = pick(
    view,
    (i) =>
      i.location === "equipped" &&
      i.ownerCharacterId === hunter.characterId &&
      WEAPON_BUCKETS.includes(i.bucketHash) &&
      i.gearTier !== null,
    "an equipped tiered weapon",
  );
  const pip = tile(page, tiered).getByTestId("gear-tier");
  await expect(pip).toHaveText(`T${tiered.gearTier}`);
  await expect(pip).toHaveAttribute("title", `Tier ${tiered.gearTier}`);
  await expect(tile(page, tiered)).toHaveAccessibleName(
    new RegExp(`^${escape(tiered.name)}, .*${tiered.power} power, Tier ${tiered.gearTier}`),
  );
  // Gear from before Edge of Fate: power 10, no tier, no pip.
  const legacy = pick(
    view,
    (i) => i.location === "vault" && WEAPON_BUCKETS.includes(i.bucketHash) && i.gearTier === null,
    "an untiered vault weapon",
  );
  expect(legacy.power).toBe(10);
  await reveal(page, legacy);
  await expect(tile(page, legacy).getByTestId("gear-tier")).toHaveCount(0);
  await expect(tile(page, legacy)).not.toHaveAccessibleName(/Tier \d/);
  // Tiers 1 to 5 all appear in the demo's inventory.
  const tiers = new Set(view.items.map((i) => i.gearTier).filter((t) => t !== null));
  expect([...tiers].sort()).toEqual([1, 2, 3, 4, 5]);
  await page.locator("#vault").scrollIntoViewIfNeeded();
  await shot(page, "gear-tiers-vault", testInfo, false);

  await tile(page, tiered).click();
  const sheet = page.getByTestId("item-sheet");
  await expect(sheet.getByTestId("item-tier")).toHaveText(`Tier ${tiered.gearTier}`);
  await shot(page, "gear-tier-sheet", testInfo, false);
  await page.keyboard.press("Escape");
  await tile(page, legacy).click();
  await expect(sheet.getByRole("heading", { name: legacy.name })).toBeVisible();
  await expect(sheet.getByTestId("item-tier")).toHaveCount(0);
});

test("the tier: filter, alone and with the others, as DIM spells it", async ({
  page,
}, testInfo) => {
  const view = await openInventory(page);
  const search = page.getByLabel("Search items");
  const count = async (expected: ItemView[]) => {
    expect(expected.length).toBeGreaterThan(0);
    await expect(page.getByTestId("search-count")).toHaveText(
      `${expected.length} ${expected.length === 1 ? "item matches" : "items match"}`,
    );
    await expect(page.getByRole("region", { name: /match/ }).getByTestId("item-tile")).toHaveCount(
      expected.length,
    );
  };
  await search.fill("tier:5");
  await count(view.items.filter((i) => i.gearTier === 5));
  await shot(page, "search-tier-5", testInfo);
  await search.fill("tier:>=3");
  await count(view.items.filter((i) => (i.gearTier ?? 0) >= 3));
  await search.fill("tier:<2");
  await count(view.items.filter((i) => i.gearTier !== null && i.gearTier < 2));
  await search.fill("is:weapon tier:>=4 power:>=450 -is:locked");
  await count(
    view.items.filter(
      (i) =>
        WEAPON_BUCKETS.includes(i.bucketHash) &&
        (i.gearTier ?? 0) >= 4 &&
        (i.power ?? 0) >= 450 &&
        !i.locked,
    ),
  );
  await shot(page, "search-tier-combined", testInfo);
  // Every tile left says its tier.
  for (const name of await page
    .getByRole("region", { name: /match/ })
    .getByTestId("item-tile")
    .evaluateAll((tiles) => tiles.map((t) => t.getAttribute("aria-label") ?? ""))) {
    expect(name).toMatch(/Tier [45]/);
  }
  await search.fill("tier:six");
  await expect(page.getByText('Can\'t read "tier:six"')).toBeVisible();
});

test("move to another character and back: drag and drop on desktop, the sheet on phones", async ({
  page,
  request,
}, testInfo) => {
  const view = await openInventory(page);
  const warlock = character(view, "Warlock");
  const item = pick(view, plainVaultWeapon(ENERGY), "vaulted energy weapon");
  const desktop = testInfo.project.name === "desktop";
  // Phones have no drop targets for the vault (no drag and drop there): the sheet does it.
  await expect(page.getByTestId("drop-vault")).toBeVisible({ visible: desktop });
  await reveal(page, item);
  if (desktop) {
    await tile(page, item).dragTo(page.getByTestId(`drop-${warlock.characterId}`));
  } else {
    await tile(page, item).click();
    await page.getByRole("button", { name: "Move to Warlock" }).click();
  }
  await expect(status(page)).toContainText(`Moved ${item.name} to your Warlock.`);
  expect(await whereIs(request, item.itemInstanceId!)).toBe(`inventory:${warlock.characterId}`);

  await page.getByTestId("character-choice").filter({ hasText: "Warlock" }).click();
  await expect(page.getByRole("heading", { name: /^Your Warlock/ })).toBeVisible();
  if (desktop) {
    await tile(page, item).dragTo(page.getByTestId("drop-vault"));
  } else {
    await tile(page, item).click();
    await page.getByRole("button", { name: "Move to vault" }).click();
  }
  await expect(status(page)).toContainText(`Moved ${item.name} to the vault.`);
  expect(await whereIs(request, item.itemInstanceId!)).toBe("vault");
  await shot(page, "move-and-back", testInfo);
});

test("equip a whole set at once, and keyboard only", async ({ page, request }, testInfo) => {
  const view = await openInventory(page);
  const hunter = character(view, "Hunter");
  const pieces = [KINETIC, ENERGY].map((bucket) =>
    pick(view, plainVaultWeapon(bucket), `weapon ${bucket}`),
  );
  // The keyboard reaches tiles not scrolled to yet: from the first Tab the whole vault is drawn.
  await expect(page.locator('#vault [data-testid="lazy-chunk"]').first()).toBeAttached();
  await page.keyboard.press("Tab");
  await expect(page.locator('#vault [data-testid="lazy-chunk"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Select a set" }).click();
  for (const piece of pieces) {
    await reveal(page, piece);
    await tile(page, piece).focus();
    await page.keyboard.press("Enter");
    await expect(tile(page, piece)).toHaveAttribute("aria-pressed", "true");
  }
  await page.getByRole("button", { name: "Equip set on Hunter" }).click();
  await expect(status(page)).toContainText("Equipped 2 items on your Hunter.");
  for (const piece of pieces) {
    expect(await whereIs(request, piece.itemInstanceId!)).toBe(`equipped:${hunter.characterId}`);
  }
  await shot(page, "set", testInfo);
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("the item sheet is modal: focus moves in and stays, Escape and the backdrop close it, focus returns", async ({
  page,
}) => {
  const view = await openInventory(page);
  const item = pick(view, plainVaultWeapon(KINETIC), "vaulted kinetic weapon");
  await reveal(page, item);
  const opener = tile(page, item);
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: item.name });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  // As a modal <dialog> does: the first focusable control inside (the close button) has focus.
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
  // Tab and Shift+Tab wrap inside the sheet, past its last and first controls.
  const buttons = await dialog.getByRole("button").count();
  for (let n = 0; n < buttons + 2; n++) {
    await page.keyboard.press("Tab");
    expect(await inside()).toBe(true);
  }
  for (let n = 0; n < buttons + 2; n++) {
    await page.keyboard.press("Shift+Tab");
    expect(await inside()).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // A tap on the backdrop, outside the panel, closes it, and the page behind (the header's home
  // link is at that spot) gets nothing.
  await opener.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => location.pathname)).toBe("/inventory");
});
