import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { sandboxControl, signInAs, expectNoSidewaysScroll } from "./support";

// The game's loadout slots in Chromium against the demo sandbox, at phone and desktop widths:
// reached in one tap from the inventory, equipped in two taps (open slot → Equip), and refused
// in an activity with why. The sandbox's world is the oracle for what got equipped.
test.describe.configure({ mode: "serial" });

type WorldCharacter = {
  characterId: string;
  classType: number;
  loadouts: { nameHash: number; items: { itemInstanceId: string }[] }[];
};
type World = { characters: WorldCharacter[]; items: { itemInstanceId?: string; where: string }[] };

const TITAN = 0;

async function world(request: APIRequestContext): Promise<World> {
  const response = await request.get("/sandbox/__sandbox/state?user=demo");
  expect(response.ok()).toBe(true);
  const { profiles } = (await response.json()) as { profiles: World[] };
  return profiles.find((p) => p.characters.length > 0)!;
}

async function titan(request: APIRequestContext) {
  return (await world(request)).characters.find((c) => c.classType === TITAN)!;
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

/** Signs in, goes to the inventory, and takes the one tap to the loadouts. */
async function openLoadouts(page: Page) {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/inventory");
  await page.getByRole("main").getByRole("link", { name: "Loadouts" }).click();
  await expect(page).toHaveURL(/\/loadouts$/);
  await expect(page.getByRole("heading", { name: "Loadouts", level: 1 })).toBeVisible();
  await page.getByRole("tab", { name: /^Titan/ }).click();
  await expect(page.getByRole("list", { name: "Titan's loadouts" })).toBeVisible();
}

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test("shows each slot and equips one in two taps", async ({ page, request }, testInfo) => {
  await openLoadouts(page);
  const slots = page.getByTestId("loadout-slot");
  await expect(slots).toHaveCount(10);
  await expect(slots.filter({ hasText: "Empty" })).toHaveCount(6);
  await expect(slots.nth(3)).toContainText("1 missing");
  await expectNoSidewaysScroll(page);
  await shot(page, "loadouts", testInfo);

  // Slot 2 holds other gear the Titan carries: none of it is equipped yet.
  const before = await titan(request);
  const wanted = before.loadouts[1]!.items.filter((i) => i.itemInstanceId !== "0");
  expect(wanted.length).toBeGreaterThan(0);

  await slots.nth(1).click(); // tap 1
  const sheet = page.getByRole("dialog");
  await expect(sheet.getByTestId("loadout-item").first()).toBeVisible();
  await expect(sheet.getByText("Subclass", { exact: true })).toBeVisible();
  await shot(page, "loadout-sheet", testInfo);
  await sheet.getByRole("button", { name: "Equip", exact: true }).click(); // tap 2
  await expect(sheet.getByTestId("loadout-status")).toContainText(
    /^Equipped Slot 2 \(.+\) on your Titan\./,
  );

  const after = await world(request);
  for (const item of wanted) {
    expect(after.items.find((i) => i.itemInstanceId === item.itemInstanceId)?.where).toBe(
      `equipped:${before.characterId}`,
    );
  }
  // The sheet shows the game's new state: every item of the slot is equipped.
  await expect(sheet.getByTestId("loadout-item").filter({ hasText: /Equipped$/ })).toHaveCount(
    wanted.length,
  );
  await shot(page, "loadout-equipped", testInfo);
});

test("an equip in an activity is refused with why", async ({ page, request }, testInfo) => {
  await openLoadouts(page);
  const before = await titan(request);
  await sandboxControl(request, "activity", { characterId: before.characterId, activity: "raid" });
  const worldBefore = await world(request);

  await page.getByTestId("loadout-slot").nth(1).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByRole("button", { name: "Equip", exact: true }).click();
  await expect(sheet.getByRole("alert")).toHaveText(
    "Your Titan is in an activity: loadouts can be equipped or changed only in orbit, a social space or offline. Go to orbit and try again.",
  );
  expect((await world(request)).items).toEqual(worldBefore.items);
  await shot(page, "loadout-in-activity", testInfo);
});

test("a forged payload naming another player's character is refused", async ({
  page,
  request,
}, testInfo) => {
  await openLoadouts(page);
  const rivalResponse = await request.get("/sandbox/__sandbox/state?user=rival");
  const { profiles } = (await rivalResponse.json()) as { profiles: World[] };
  const theirs = profiles.find((p) => p.characters.length > 0)!.characters[0]!;

  await page.getByTestId("loadout-slot").nth(0).click();
  const sheet = page.getByRole("dialog");
  const form = sheet.locator("form").filter({ has: page.locator('input[value="equip"]') });
  // What a forged request looks like: the form's hidden character replaced with the rival's.
  await form.locator('input[name="characterId"]').evaluate((input, id) => {
    (input as HTMLInputElement).value = id;
  }, theirs.characterId);
  await sandboxControl(request, "stats/reset");
  await form.getByRole("button", { name: "Equip", exact: true }).click();
  await expect(sheet.getByRole("alert")).toHaveText("That character is not one of yours.");
  const stats = await (await request.get("/sandbox/__sandbox/stats")).json();
  expect(stats.operations["Destiny2.EquipLoadout"]).toBeUndefined();
  await shot(page, "loadout-forged", testInfo);
});

test("renames and recolours a slot from the game's choices", async ({
  page,
  request,
}, testInfo) => {
  await openLoadouts(page);
  const before = await titan(request);
  await page.getByTestId("loadout-slot").nth(0).click();
  const sheet = page.getByRole("dialog");
  await sheet.getByText("Change name, icon or colour").click();
  await sheet.getByLabel("Name").selectOption({ label: "Trials" });
  // The swatch is the label around a visually hidden radio: tap the swatch as a player does.
  const colours = sheet.getByRole("group", { name: "Colour" });
  await colours.locator("label").filter({ hasText: "Colour 5" }).click();
  await expect(colours.getByRole("radio", { name: "Colour 5" })).toBeChecked();
  await sheet.getByRole("button", { name: "Save name, icon and colour" }).scrollIntoViewIfNeeded();
  await shot(page, "loadout-identifiers", testInfo);
  await sheet.getByRole("button", { name: "Save name, icon and colour" }).click();
  await expect(sheet.getByTestId("loadout-status")).toHaveText("Updated Slot 1 (Boss Damage).");
  await expect(sheet.getByRole("heading", { name: "Trials" })).toBeVisible();
  const after = await titan(request);
  expect(after.loadouts[0]!.nameHash).not.toBe(before.loadouts[0]!.nameHash);
  expect(after.loadouts[0]!.items).toEqual(before.loadouts[0]!.items);
});
