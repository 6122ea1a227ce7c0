import { expect, test } from "@playwright/test";
import { sandboxControl, signInAs } from "./support";

// The account page and the character choice in Chromium against the demo sandbox.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test("name, platforms, characters, currencies and clan", async ({ page }, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-name")).toHaveText("Aurora Vale#4821");
  await expect(page.getByTestId("account-platform")).toHaveText(
    "Playing on Steam with Cross Save (Steam, PlayStation)",
  );
  await expect(page.getByTestId("account-clan")).toContainText("Last City Wardens");

  const cards = page.getByTestId("character-card");
  await expect(cards).toHaveCount(3);
  // Most recently played first, as in the game.
  await expect(cards.nth(0).getByRole("heading", { level: 3 })).toHaveText("Hunter");
  for (const name of ["Titan", "Hunter", "Warlock"]) {
    const card = cards.filter({ has: page.getByRole("heading", { level: 3, name }) });
    // Edge of Fate's power: 10 to 550.
    await expect(card).toContainText(/Light \d{2,3}(?!\d)/);
    await expect(card).toContainText("Last played");
    await expect(card).toContainText(/Time played\s*[\d,]+ h \d+ min/);
  }
  await expect(cards.filter({ hasText: "Titan" })).toContainText("Exo");
  const currencies = page.getByTestId("currencies");
  await expect(currencies.getByRole("listitem").first()).toContainText("Glimmer");
  await expect(currencies.getByRole("listitem").nth(1)).toContainText("Bright Dust");
  // Today's currencies: the materials vendors price in, and no Legendary Shards (retired 2024).
  await expect(currencies).toContainText("Enhancement Core");
  await expect(currencies).not.toContainText("Legendary Shards");
  await expect(page.getByText("Legendary Shards")).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath(`account-${testInfo.project.name}.png`),
    fullPage: true,
  });
});

test("with Bungie slow, the account's skeleton comes first and the account follows", async ({
  page,
  request,
}) => {
  // A world the app has never cached (new membership ids), and Bungie at its slow end: the page
  // cannot have the profile at hand, so it streams its skeleton instead of waiting blank.
  await sandboxControl(request, "reset", { seed: Date.now() % 1_000_000_000 });
  await sandboxControl(request, "latency", { fixedMs: 1_500, jitterMs: 0 });
  try {
    await signInAs(page, /Aurora Vale/);
    await expect(page.getByRole("status", { name: "Loading your account" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByTestId("account-name")).toHaveText("Aurora Vale#4821", {
      timeout: 20_000,
    });
    await expect(page.getByRole("status", { name: "Loading your account" })).toHaveCount(0);
    await expect(page.getByTestId("character-card")).toHaveCount(3);
  } finally {
    await sandboxControl(request, "latency", { fixedMs: 0, jitterMs: 0 });
  }
});

test("a section link shows that its page is on its way", async ({ page }) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page.getByTestId("account-name")).toHaveText("Aurora Vale#4821");
  // A slow phone network: the clan page's data (the router's RSC request) takes 1.5 s to come.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/clan",
    async (route) => {
      if (route.request().headers()["rsc"]) await held;
      await route.continue();
    },
  );
  const link = page
    .getByRole("navigation", { name: /Main|Sections/ })
    .getByRole("link", { name: "Clan" })
    .first();
  await link.click();
  // The tap answers at once: the link's bar lights up while the account stays on screen.
  await expect(link.locator("[data-pending]")).toHaveCount(1);
  await expect(link.locator("[data-pending]")).toHaveCSS("opacity", "1");
  await expect(page.getByTestId("account-name")).toBeVisible();
  release();
  await expect(page).toHaveURL(/\/clan$/);
  await expect(page.getByRole("heading", { level: 1, name: /Last City Wardens/ })).toBeVisible();
  await expect(link.locator("[data-pending]")).toHaveCount(0);
});

test("choosing a character is stored and survives signing out", async ({ page }, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Open Warlock's inventory" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByRole("heading", { name: /^Your Warlock/ })).toBeVisible();

  // The switcher on the inventory page is a POST too.
  await page.getByTestId("character-choice").filter({ hasText: "Titan" }).click();
  await expect(page.getByRole("heading", { name: /^Your Titan/ })).toBeVisible();
  await expect(page.getByTestId("toast").filter({ hasText: "Showing your Titan." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Your Titan/ })).toBeVisible();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await expect(
    page.getByTestId("character-card").filter({ hasText: "Titan" }).getByRole("button"),
  ).toHaveText("Open Titan's inventory");
  await page.goto("/inventory");
  await expect(page.getByRole("heading", { name: /^Your Titan/ })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath(`chosen-${testInfo.project.name}.png`),
    fullPage: true,
  });
});

test("the app is installable: a manifest with icons", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining("Warmind"),
    display: "standalone",
  });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
  }
  expect((manifest.icons as { sizes: string }[]).map((i) => i.sizes)).toEqual(
    expect.arrayContaining(["192x192", "512x512"]),
  );
});
