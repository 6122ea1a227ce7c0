import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { callAction } from "./server-actions";
import { expectNoSidewaysScroll, sandboxControl, signInAs } from "./support";

// Warmind's saved loadouts in Chromium against the demo sandbox, at phone and desktop widths:
// build one from vault items and equip it in two taps with progress per item (the sandbox's world
// is the oracle), share it to Crimson Rival who copies it, and forged calls naming another
// player's loadout or items refused.
test.describe.configure({ mode: "serial" });

type WorldItem = { itemInstanceId?: string; where: string; bucketHash: number };
type World = {
  characters: {
    characterId: string;
    classType: number;
    /** The game's slots by index (the sandbox may leave trailing empty ones out). */
    loadouts?: { items: { itemInstanceId: string }[] }[];
  }[];
  items: WorldItem[];
};

const WARLOCK = 2;
/** Kinetic, energy, power, helmet, gauntlets, chest, legs, class item (Bungie's bucket hashes). */
const WEAPON_AND_ARMOUR = [
  1498876634, 2465295065, 953998645, 3448274439, 3551918588, 14239492, 20886954, 1585787867,
];
const IDLE = { status: "idle", message: "" };
const ACTIONS = "app/loadouts/saved/actions.ts";

async function world(request: APIRequestContext, user = "demo"): Promise<World> {
  const response = await request.get(`/sandbox/__sandbox/state?user=${user}`);
  expect(response.ok()).toBe(true);
  const { profiles } = (await response.json()) as { profiles: World[] };
  return profiles.find((p) => p.characters.length > 0)!;
}

async function shot(
  page: Page,
  name: string,
  testInfo: { outputPath: (n: string) => string; project: { name: string } },
) {
  await page.screenshot({
    path: testInfo.outputPath(`${name}-${testInfo.project.name}.png`),
    fullPage: true,
  });
}

async function openSaved(page: Page) {
  await page.goto("/loadouts");
  await page.getByRole("link", { name: /saved loadouts/ }).click();
  await expect(page).toHaveURL(/\/loadouts\/saved$/);
  await expect(page.getByRole("heading", { name: "Saved loadouts", level: 1 })).toBeVisible();
}

/** The database outlives the sandbox's reset (and the other project's run): start from none. */
async function deleteAll(page: Page) {
  const cards = page.getByTestId("saved-loadout");
  for (let n = await cards.count(); n > 0; n--) {
    await cards.first().getByRole("button", { name: "Delete" }).click();
    await expect(cards).toHaveCount(n - 1);
  }
  await expect(page.getByText("No saved loadouts yet.")).toBeVisible();
}

/** Saves what the Hunter wears under `name`, from the page's own form. */
async function saveHunterGear(page: Page, name: string) {
  const form = page.locator("form").filter({ hasText: "From what this character wears" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.locator('select[name="characterId"]').selectOption({ label: "Hunter" });
  await form.getByRole("button", { name: "Save current gear" }).click();
  await expect(form.getByText(`Saved "${name}".`)).toBeVisible();
  return page.getByTestId("saved-loadout").filter({ hasText: name });
}

/** A Warlock loadout of four legendaries from the vault, built with the page's picker. */
async function buildWarlockFromVault(page: Page, name: string) {
  const form = page.locator("form").filter({ hasText: "Build from items" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  // A label wrapping a select also reads the select's options: find the select by its label's start.
  const select = (label: string) =>
    form
      .locator("label")
      .filter({ hasText: new RegExp(`^${label}`) })
      .locator("select");
  await form.locator('select[name="classType"]').selectOption({ label: "Warlock" });
  // One legendary from the vault per weapon slot, and a helmet: none of them exotic.
  const picked: string[] = [];
  for (const slot of ["Kinetic weapon", "Energy weapon", "Power weapon", "Helmet"]) {
    const option = select(slot)
      .locator("option", { hasText: /Legendary · in the vault$/ })
      .first();
    const value = await option.getAttribute("value");
    expect(value, `a legendary ${slot} in the vault`).toBeTruthy();
    await select(slot).selectOption(value!);
    picked.push(value!);
  }
  await form.getByRole("button", { name: "Save picked items" }).click();
  await expect(form.getByText(`Saved "${name}".`)).toBeVisible();
  return { card: page.getByTestId("saved-loadout").filter({ hasText: name }), picked };
}

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test("builds a loadout from vault items and equips it in two taps", async ({
  page,
  request,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  await expectNoSidewaysScroll(page);
  await shot(page, "saved-empty", testInfo);

  const { card, picked } = await buildWarlockFromVault(page, "Vault build");
  await expect(
    card.getByRole("list", { name: "Vault build's items" }).getByRole("listitem"),
  ).toHaveCount(4);
  await expect(card.getByText("in the vault")).toHaveCount(4);
  const before = await world(request);
  const warlock = before.characters.find((c) => c.classType === WARLOCK)!;
  for (const id of picked) {
    expect(before.items.find((i) => i.itemInstanceId === id)?.where).toBe("vault");
  }

  await card.getByRole("button", { name: "Equip on Warlock" }).click(); // tap 1
  await card.getByRole("button", { name: "Confirm: equip on Warlock" }).click(); // tap 2
  await expect(card.getByRole("status")).toHaveText('Equipped "Vault build" on your Warlock.', {
    timeout: 30_000,
  });
  // Progress per step ended with every step done, and the result names each item.
  const steps = card.locator("[data-status]");
  expect(await steps.count()).toBeGreaterThanOrEqual(5);
  await expect(card.locator('[data-status="done"]')).toHaveCount(await steps.count());
  await expect(card.getByText(/: equipped$/)).toHaveCount(4);
  // The card then shows where the items are now.
  await expect(card.getByText("equipped on your Warlock", { exact: true })).toHaveCount(4);
  await expect(card.getByText("in the vault", { exact: true })).toHaveCount(0);
  await shot(page, "saved-equipped", testInfo);

  const after = await world(request);
  for (const id of picked) {
    expect(after.items.find((i) => i.itemInstanceId === id)?.where).toBe(
      `equipped:${warlock.characterId}`,
    );
  }
});

test("writes a saved loadout into one of the game's slots (equip, then snapshot)", async ({
  page,
  request,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  const { card, picked } = await buildWarlockFromVault(page, "Slot build");
  const before = await world(request);
  const warlock = before.characters.find((c) => c.classType === WARLOCK)!;
  const slotItems = (w: World, index: number) =>
    (
      w.characters.find((c) => c.characterId === warlock.characterId)?.loadouts?.[index]?.items ??
      []
    )
      .map((i) => i.itemInstanceId)
      .filter((id) => id !== "0");

  await card.locator("summary", { hasText: "Save to game slot" }).click();
  const select = card.getByLabel("Game slot for Slot build");
  // Only the Warlock's slots are offered: the loadout is a Warlock's. An empty one if any.
  const options = select.locator("option");
  expect(await options.count()).toBeGreaterThan(0);
  await expect(options.filter({ hasNotText: /^Warlock · / })).toHaveCount(0);
  const empty = options.filter({ hasText: /· empty$/ });
  const option = (await empty.count()) > 0 ? empty.first() : options.last();
  const label = (await option.textContent())!;
  const index = Number(/Slot (\d+)/.exec(label)![1]) - 1;
  await select.selectOption({ label });
  for (const id of picked) expect(slotItems(before, index)).not.toContain(id);

  await card.getByRole("button", { name: "Save to game slot" }).click(); // pick, then
  // The first tap only arms: nothing is written until the confirm.
  const confirm = card.getByRole("button", {
    name: /^Confirm: (write|overwrite) slot \d+ on Warlock$/,
  });
  await expect(confirm).toBeVisible();
  await expect(card.getByTestId("write-slot-status")).toHaveText("");
  expect(slotItems(await world(request), index)).toEqual(slotItems(before, index));
  await confirm.click();
  await expect(card.getByTestId("write-slot-status")).toHaveText(
    `Saved into the game's slot ${index + 1}.`,
    { timeout: 30_000 },
  );
  await expectNoSidewaysScroll(page);
  await shot(page, "saved-written-to-slot", testInfo);

  // The sandbox's world: the items are equipped on the Warlock and the slot holds every one.
  const after = await world(request);
  for (const id of picked) {
    expect(after.items.find((i) => i.itemInstanceId === id)?.where).toBe(
      `equipped:${warlock.characterId}`,
    );
    expect(slotItems(after, index)).toContain(id);
  }
  // The picker still shows the slot written, and lists it as filled now (the page refreshed).
  await expect(select.locator("option:checked")).toHaveText(
    new RegExp(`^Warlock · Slot ${index + 1} · `),
  );
  await expect(
    select.locator("option", { hasText: `Warlock · Slot ${index + 1} · ` }),
  ).not.toHaveText(/· empty$/);
});

test("equip can move the character's other weapons and armour to the vault", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  const { card, picked } = await buildWarlockFromVault(page, "Clean build");
  const warlock = (await world(request)).characters.find((c) => c.classType === WARLOCK)!;
  const carried = (w: World) =>
    w.items.filter(
      (i) =>
        i.where === `inventory:${warlock.characterId}` && WEAPON_AND_ARMOUR.includes(i.bucketHash),
    );
  expect(carried(await world(request)).length, "the Warlock carries spare gear").toBeGreaterThan(0);

  await card.getByLabel("Also move the character's other weapons and armour to the vault").check();
  await card.getByRole("button", { name: "Equip on Warlock" }).click();
  await card.getByRole("button", { name: "Confirm: equip on Warlock" }).click();
  await expect(card.getByRole("status")).toHaveText('Equipped "Clean build" on your Warlock.', {
    timeout: 60_000,
  });
  const after = await world(request);
  for (const id of picked) {
    expect(after.items.find((i) => i.itemInstanceId === id)?.where).toBe(
      `equipped:${warlock.characterId}`,
    );
  }
  expect(carried(after)).toEqual([]);
});

test("the keyboard way to edit: move an item up and remove one, kept after a reload", async ({
  page,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  const card = await saveHunterGear(page, "Keyboard edit");
  const removeButtons = card.getByRole("button", { name: /^Remove / });
  /** The card's items in order, read from the buttons' names as a screen reader would. */
  const names = async () =>
    (await removeButtons.evaluateAll((all) => all.map((b) => b.getAttribute("aria-label")))).map(
      (label) => label!.replace(/^Remove /, ""),
    );
  const before = await names();
  expect(before.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = before as [string, string, string];

  // Only the keyboard: focus a button, then Enter or Space, as the drag-and-drop alternative.
  await card.getByRole("button", { name: `Move ${second} up`, exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(names).toEqual([second, first, ...before.slice(2)]);
  await card.getByRole("button", { name: `Remove ${third}`, exact: true }).focus();
  await page.keyboard.press("Space");
  await expect.poll(names).toEqual([second, first, ...before.slice(3)]);
  await expectNoSidewaysScroll(page);
  await shot(page, "saved-keyboard-edit", testInfo);

  await page.reload();
  await expect.poll(names).toEqual([second, first, ...before.slice(3)]);

  // Renaming, by keyboard too: open the disclosure, type, Enter.
  await card.getByText("Rename", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await card.getByLabel("New name for Keyboard edit").fill("Edited by keyboard");
  await page.keyboard.press("Enter");
  await expect(
    page.getByTestId("saved-loadout").filter({ hasText: "Edited by keyboard" }),
  ).toHaveCount(1);
});

test("a share link opened by another player, copied, then revoked", async ({ page }, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  const card = await saveHunterGear(page, "Shared hunter");
  await card.getByRole("button", { name: "Share" }).click();
  const link = card.getByRole("link", { name: /^\/loadouts\/shared\// });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/loadouts\/shared\/[A-Za-z0-9_-]{22}$/);
  await expectNoSidewaysScroll(page);
  await shot(page, "saved-shared", testInfo);

  // The same browser signs in as Crimson Rival, who opens the link.
  await signInAs(page, /Crimson Rival/);
  await expect(page).toHaveURL(/\/account$/);
  expect((await page.goto(href))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Shared hunter", level: 1 })).toBeVisible();
  await expect(page.getByText("A Hunter loadout shared by")).toBeVisible();
  // The rival holds none of Aurora's instances; items of which they have no copy are marked.
  await expect(page.getByText("You don't have this").first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, "shared-view", testInfo);
  await page.goto("/loadouts/saved");
  await deleteAll(page);
  await page.goto(href);
  await page.getByRole("button", { name: "Copy to my loadouts" }).click();
  await expect(page.getByText('Saved "Shared hunter".')).toBeVisible();
  await page.goto("/loadouts/saved");
  await expect(page.getByTestId("saved-loadout").filter({ hasText: "Shared hunter" })).toHaveCount(
    1,
  );

  // Aurora revokes the link: it no longer opens.
  await signInAs(page, /Aurora Vale/);
  await page.goto("/loadouts/saved");
  const own = page.getByTestId("saved-loadout").filter({ hasText: "Shared hunter" });
  await own.getByRole("button", { name: "Revoke link" }).click();
  await expect(own.getByRole("button", { name: "Share" })).toBeVisible();
  await expect(own.getByRole("link", { name: /^\/loadouts\/shared\// })).toHaveCount(0);
  // The share is resolved before the page streams: a revoked link answers 404, as does an
  // unknown one.
  expect((await page.goto(href))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page could not be found." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Shared hunter" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy to my loadouts" })).toHaveCount(0);
  expect((await page.goto("/loadouts/shared/AAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
});

test("forged calls naming another player's loadout or items are refused", async ({
  page,
  request,
  baseURL,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await openSaved(page);
  await deleteAll(page);
  const card = await saveHunterGear(page, "Aurora's own");
  const loadoutId = (await card.getAttribute("data-loadout-id"))!;
  const auroraItem = (await world(request)).items.find(
    (i) => i.itemInstanceId && i.where === "vault",
  )!.itemInstanceId!;

  await signInAs(page, /Crimson Rival/);
  await expect(page).toHaveURL(/\/account$/);
  const rival = await world(request, "rival");
  const rivalCharacter = rival.characters[0]!;
  const notYours = "That loadout is not one of yours.";
  const forged: [string, Record<string, string | string[]>, string][] = [
    ["deleteAction", { loadoutId }, notYours],
    ["renameAction", { loadoutId, name: "Stolen" }, notYours],
    ["shareAction", { loadoutId, share: "on" }, notYours],
    ["editItemsAction", { loadoutId, items: "[]" }, notYours],
    [
      "savePickedAction",
      { name: "Forged", classType: String(rivalCharacter.classType), itemInstanceId: auroraItem },
      "One of those items is not in your inventory.",
    ],
  ];
  for (const [action, fields, message] of forged) {
    const { status, result } = await callAction(
      page,
      "/loadouts/saved",
      `${ACTIONS}#${action}`,
      fields,
      IDLE,
    );
    expect(status, action).toBe(200);
    expect(result, action).toMatchObject({ status: "error", message });
  }
  // The streamed equip route, as the page calls it, with Aurora's loadout.
  const before = await world(request, "rival");
  const equip = await page.request.post("/loadouts/saved/equip", {
    headers: { origin: baseURL! },
    multipart: { loadoutId, characterId: rivalCharacter.characterId },
  });
  const lines = (await equip.text()).trim().split("\n");
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({
    type: "result",
    result: { status: "error", message: notYours, calls: 0 },
  });
  expect((await world(request, "rival")).items).toEqual(before.items);

  // Aurora's loadout is untouched.
  await signInAs(page, /Aurora Vale/);
  await page.goto("/loadouts/saved");
  await expect(page.getByTestId("saved-loadout").filter({ hasText: "Aurora's own" })).toHaveCount(
    1,
  );
  await expect(page.getByRole("button", { name: "Share" })).toHaveCount(1);
});
