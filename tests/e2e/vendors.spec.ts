import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { callAction } from "./server-actions";
import { expectNoSidewaysScroll, sandboxControl, signInAs } from "./support";

// The vendors page in Chromium against the demo sandbox, at phone and desktop widths. The sandbox
// has the real game's scale (231 vendors, ~2,800 sales); the page shows the game's vendors screen
// (38 vendors in 10 groups) from one GetVendors, and caches it until the vendors refresh.
test.describe.configure({ mode: "serial", timeout: 180_000 });
const LOADED = { timeout: 60_000 };

/** The next Saturday 18:00 UTC: Xûr is in, so every group of the vendors screen has stock. */
function nextSaturdayEvening(): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + ((6 - date.getUTCDay() + 7) % 7 || 7));
  date.setUTCHours(18, 0, 0, 0);
  return date.toISOString();
}

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
  await sandboxControl(request, "clock", { now: nextSaturdayEvening() });
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

const sales = (page: Page) => page.getByTestId("vendor-sale");
/** Opened vendors fetch their sales: wait until none is still loading before reading tiles. */
const salesLoaded = (page: Page) =>
  expect(page.locator('[data-testid="vendor-card"] [aria-busy="true"]')).toHaveCount(0, LOADED);

/** Bungie's Destiny2 calls the sandbox answered since `since` was taken. */
async function bungieCalls(request: APIRequestContext): Promise<Record<string, number>> {
  const { operations } = (await (await request.get("/sandbox/__sandbox/stats")).json()) as {
    operations: Record<string, number>;
  };
  return Object.fromEntries(
    Object.entries(operations).filter(([op]) => op.startsWith("Destiny2.")),
  );
}

test("the game's vendors screen in two Bungie calls, none on a repeat view, with filters", async ({
  page,
  request,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "stats/reset");
  await page.goto("/vendors");
  await expect(page.getByTestId("vendor-count")).toBeVisible(LOADED);
  expect(await bungieCalls(request)).toEqual({
    "Destiny2.GetProfile": 1,
    "Destiny2.GetVendors": 1,
  });
  await sandboxControl(request, "stats/reset");
  await page.reload();
  await expect(page.getByTestId("vendor-count")).toBeVisible(LOADED);
  expect(await bungieCalls(request)).toEqual({});

  await expect(page.getByRole("heading", { level: 1, name: "Vendors" })).toBeVisible();
  // The game's vendors screen, in its order, and nothing beyond it.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Limited Time",
    "This Season",
    "Vanguard",
    "Eververse",
    "The Last City",
    "Kepler",
    "The Pale Heart",
    "Neomuna",
    "Europa",
    "Rituals",
  ]);
  const cards = page.getByTestId("vendor-card");
  await expect(cards).toHaveCount(38);
  await expect(page.getByText(/Unknown vendor/)).toHaveCount(0);
  await expect(page.getByTestId("missing-vendors")).toHaveCount(0);
  const counts = await page
    .locator('[data-testid="vendor-card"] > header [data-testid="vendor-sale-count"]')
    .allInnerTexts();
  const total = counts.reduce((n, text) => n + Number.parseInt(text, 10), 0);
  expect(total).toBeGreaterThan(700);
  await expect(page.getByTestId("vendor-count")).toHaveText(`${total} items at 38 vendors`);
  // Closed until asked for: a phone lays out no sale before the player opens a vendor.
  await expect(sales(page)).toHaveCount(0);

  const banshee = page.getByRole("region", { name: "Banshee-44" });
  await expect(banshee).toContainText("Gunsmith");
  await expect(banshee).toContainText(/Refreshes in \d+ (h|days)/);
  await page.getByRole("button", { name: "Banshee-44", exact: true }).click();
  await expect(page.getByRole("button", { name: "Banshee-44", exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  // A sale: name, rarity and type, a cost with its currency named for screen readers.
  const core = banshee.getByTestId("vendor-sale").filter({ hasText: "Enhancement Core" });
  await expect(core).toContainText("5,000");
  await expect(core.getByText("Glimmer")).toHaveCount(1);
  await expect(banshee.locator("img").first()).toHaveAttribute("src", /^\/sandbox\//);
  const weapons = banshee.locator('[data-testid="vendor-sale"][data-kind="weapon"]');
  expect(await weapons.count()).toBeGreaterThan(10);
  // Power and gear tier come from GetVendor, only when the player asks, for this vendor only.
  await expect(weapons.getByTestId("gear-tier")).toHaveCount(0);
  await sandboxControl(request, "stats/reset");
  await banshee.getByRole("button", { name: "Show power and gear tier" }).click();
  await expect(weapons.getByTestId("gear-tier")).toHaveCount(await weapons.count(), LOADED);
  for (const tier of await weapons
    .getByTestId("gear-tier")
    .evaluateAll((pips) => pips.map((p) => [p.textContent, p.getAttribute("aria-label")]))) {
    expect(tier[0]).toMatch(/^T[1-5]$/);
    expect(tier[1]).toBe(`Tier ${tier[0]!.slice(1)}`);
  }
  await expect(core.getByTestId("gear-tier")).toHaveCount(0);
  expect(await bungieCalls(request)).toEqual({ "Destiny2.GetVendor": 1 });

  // Eververse is one card: Tess Everis, with her pages and engram previews inside.
  await expect(page.getByRole("heading", { level: 3, name: "Eververse", exact: true })).toHaveCount(
    0,
  );
  const tess = page.getByRole("region", { name: "Tess Everis" });
  await page.getByRole("button", { name: "Tess Everis", exact: true }).click();
  expect(await tess.getByTestId("sub-vendor").count()).toBeGreaterThanOrEqual(20);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath(`vendors-${testInfo.project.name}.png`) });

  // Exotics only: matching vendors open, every tile left is exotic, and the count says so.
  await page.getByRole("button", { name: "Exotics only" }).click();
  await expect(page.getByRole("button", { name: "Exotics only" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const match = await page.getByTestId("vendor-count").innerText();
  const exotics = Number(/^(\d+) of/.exec(match)?.[1]);
  expect(exotics).toBeGreaterThan(0);
  expect(exotics).toBeLessThan(total);
  await expect(sales(page)).toHaveCount(exotics);
  expect(
    await sales(page).evaluateAll((tiles) =>
      tiles.every((t) => t.getAttribute("data-rarity") === "6"),
    ),
  ).toBe(true);

  // Exotic weapons: narrowed again, Xûr sells some; Banshee-44 none.
  await page.getByRole("button", { name: "Weapons" }).click();
  await salesLoaded(page);
  expect(
    await sales(page).evaluateAll((tiles) =>
      tiles.every(
        (t) => t.getAttribute("data-rarity") === "6" && t.getAttribute("data-kind") === "weapon",
      ),
    ),
  ).toBe(true);
  await expect(page.getByRole("heading", { level: 3, name: "Xûr", exact: true })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 3, name: "Banshee-44", exact: true }),
  ).toHaveCount(0);
  await page.screenshot({
    path: testInfo.outputPath(`vendors-exotic-weapons-${testInfo.project.name}.png`),
  });
  await page.getByRole("button", { name: "Clear filters" }).click();

  // Not yet owned: every sale shown is one the sandbox's collections say the player lacks.
  const acquired = await sandboxCollections(request, "demo");
  const notYetOwned = page.getByRole("button", { name: "Not yet owned" });
  await expect(notYetOwned).toBeEnabled();
  await notYetOwned.click();
  await salesLoaded(page);
  const unowned = await sales(page).evaluateAll((list) =>
    list.map((t) => ({
      itemHash: Number(t.getAttribute("data-item-hash")),
      owned: t.getAttribute("data-owned"),
      marked: (t.textContent ?? "").includes("Not yet owned"),
    })),
  );
  // Banshee-44 and Ada-1 always feature gear new this season, which nobody owns yet.
  expect(unowned.length).toBeGreaterThanOrEqual(2);
  for (const tile of unowned) {
    expect(acquired.get(tile.itemHash), String(tile.itemHash)).toBe(false);
    expect(tile).toMatchObject({ owned: "false", marked: true });
  }
  await expect(page.getByTestId("vendor-count")).toContainText(
    `${unowned.length} of ${total} items match`,
  );
  await expectNoSidewaysScroll(page);
  await page.screenshot({
    path: testInfo.outputPath(`vendors-not-yet-owned-${testInfo.project.name}.png`),
  });
});

test("the refresh button re-reads the sales in one call, a few times a minute at most", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/vendors");
  await expect(page.getByTestId("vendor-count")).toBeVisible(LOADED);
  await sandboxControl(request, "stats/reset");
  const refresh = page.getByRole("button", { name: "Refresh sales" });
  await refresh.click();
  await expect(refresh).toBeEnabled(LOADED);
  await expect(page.getByTestId("vendors-read-at")).toContainText("Read from Bungie.net");
  expect(await bungieCalls(request)).toEqual({ "Destiny2.GetVendors": 1 });
  // The limit (6 a minute) turns the rest away without asking Bungie.
  for (let i = 0; i < 6; i++) {
    await refresh.click();
    await expect(refresh).toBeEnabled(LOADED);
  }
  await expect(page.getByTestId("vendors-read-at")).toContainText("Too many actions");
  expect((await bungieCalls(request))["Destiny2.GetVendors"]).toBe(6);
});

/** Item hash → acquired, for every collectible of the player's primary profile (the sandbox's truth). */
async function sandboxCollections(
  request: APIRequestContext,
  user: string,
): Promise<Map<number, boolean>> {
  const { users } = (await (await request.get("/sandbox/__sandbox/users")).json()) as {
    users: { key: string; primaryMembershipId?: string }[];
  };
  const membershipId = users.find((u) => u.key === user)?.primaryMembershipId;
  const { profiles } = (await (
    await request.get(`/sandbox/__sandbox/collectibles?user=${user}`)
  ).json()) as {
    profiles: { membershipId: string; collectibles: { itemHash: number; acquired: boolean }[] }[];
  };
  const profile = profiles.find((p) => p.membershipId === membershipId);
  expect(profile, `the sandbox's collections of ${user}`).toBeDefined();
  return new Map(profile!.collectibles.map((c) => [c.itemHash, c.acquired]));
}

test("switches character by keyboard, and vendors follow", async ({ page }, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/vendors");
  await expect(page.getByTestId("vendor-count")).toBeVisible(LOADED);
  const switcher = page.getByRole("navigation", { name: "Character" });
  const links = switcher.getByRole("link");
  await expect(links).toHaveCount(3);
  await expect(links.first()).toHaveAttribute("aria-current", "page");

  const target = links.nth(2);
  const label = (await target.innerText()).trim();
  await target.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/vendors\?character=\d+$/);
  await expect(switcher.getByRole("link", { name: label })).toHaveAttribute(
    "aria-current",
    "page",
    LOADED,
  );
  await expect(
    page.getByRole("heading", { level: 3, name: "Banshee-44", exact: true }),
  ).toBeVisible(LOADED);
  await expect(page.getByTestId("vendor-card")).toHaveCount(38);
  await expectNoSidewaysScroll(page);
  await page.screenshot({
    path: testInfo.outputPath(`vendors-character-${testInfo.project.name}.png`),
  });

  // Someone else's character id in the URL: the page shows the player's own.
  await page.goto("/vendors?character=2305843009999999999");
  await expect(links.first()).toHaveAttribute("aria-current", "page", LOADED);
});

test("Bungie down for maintenance: a clear message, not a crash", async ({ page, request }) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "maintenance", { enabled: true });
  try {
    await page.goto("/vendors");
    await expect(
      page.getByRole("alert").filter({ hasText: "Bungie.net is down for maintenance" }),
    ).toBeVisible(LOADED);
  } finally {
    await sandboxControl(request, "maintenance", { enabled: false });
  }
  await page.reload();
  await expect(
    page.getByRole("heading", { level: 3, name: "Banshee-44", exact: true }),
  ).toBeVisible(LOADED);
});

test("another player's character in the vendor actions gets nothing of theirs", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/vendors");
  await expect(page.getByTestId("vendor-count")).toBeVisible(LOADED);
  const { users } = (await (await request.get("/sandbox/__sandbox/users")).json()) as {
    users: { key: string; profiles: { characters: { characterId: string }[] }[] }[];
  };
  const rivalCharacter = users.find((u) => u.key === "rival")!.profiles[0]!.characters[0]!
    .characterId;
  await sandboxControl(request, "stats/reset");

  // Details: refused before Bungie is asked (not a character the page showed this player).
  const details = await callAction(
    page,
    "/vendors",
    "app/vendors/actions.ts#vendorDetailsAction",
    { characterId: rivalCharacter, vendorHash: "672118013" },
    { status: "idle" },
  );
  expect(details.result).toMatchObject({ status: "error" });
  expect(String(details.result?.message)).toMatch(/\w{3,}/);
  // Junk is refused by the schema.
  const junk = await callAction(
    page,
    "/vendors",
    "app/vendors/actions.ts#vendorDetailsAction",
    { characterId: "1; drop table", vendorHash: "-5" },
    { status: "idle" },
  );
  expect(junk.result).toMatchObject({ status: "error" });
  expect(await bungieCalls(request)).toEqual({});

  // Refresh: Bungie refuses the rival's character, and the player's own vendors are refreshed.
  const refresh = await callAction(
    page,
    "/vendors",
    "app/vendors/actions.ts#refreshVendorsAction",
    { characterId: rivalCharacter },
    { status: "idle" },
  );
  expect(refresh.result).toMatchObject({ status: "refreshed" });
  expect(refresh.text).not.toContain(rivalCharacter);
});
