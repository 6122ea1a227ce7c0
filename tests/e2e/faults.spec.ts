import { expect, test, type Page } from "@playwright/test";
import { firstMovable, move, placements, shownPlacements } from "./inventory-state";
import { sandboxControl, signInAs } from "./support";

// Bungie misbehaving, through the sandbox's control API: every page and the item action give
// the player a specific message (never a generic error page), the app keeps serving, and
// after a failed move the inventory shown is the sandbox's real state.
test.describe.configure({ mode: "serial" });

const PAGES = ["/account", "/inventory", "/clan", "/vendors"];

/** A page under a fault: our own message in the page, never Next's error page or a 500. */
async function expectSpecificMessage(page: Page, url: string, message: RegExp) {
  const response = await page.goto(url);
  expect(response!.status(), url).toBeLessThan(500);
  await expect(page.getByText("Application error"), url).toHaveCount(0);
  await expect(page.getByRole("main"), url).toContainText(message, { timeout: 45_000 });
}

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

const FAULTS: {
  name: string;
  control: [string, unknown];
  /** Ends the fault (a reset would also forget the player's tokens). */
  clear: [string, unknown];
  /** False when the fault hits reads only (Bungie's actions still go through). */
  failsWrites: boolean;
  message: RegExp;
}[] = [
  {
    name: "maintenance",
    control: ["maintenance", { enabled: true }],
    clear: ["maintenance", { enabled: false }],
    failsWrites: true,
    message: /maintenance/i,
  },
  {
    name: "throttling",
    control: ["throttle", { enabled: true, throttleSeconds: 1 }],
    clear: ["throttle", { enabled: false }],
    failsWrites: true,
    message: /slow down|busy|too many/i,
  },
  {
    name: "random 500s",
    control: ["error-rate", { rate: 1 }],
    clear: ["error-rate", { rate: 0 }],
    failsWrites: false,
    message: /didn't answer|couldn't|try again/i,
  },
];

for (const fault of FAULTS) {
  test(`${fault.name}: every page and the move say so, other pages keep working`, async ({
    page,
    request,
  }, testInfo) => {
    await signInAs(page, /Aurora Vale/);
    await expect(page).toHaveURL(/\/account$/);
    const item = await firstMovable(request);
    const before = await placements(request);

    await sandboxControl(request, ...fault.control);
    // The inventory's data route skips every cache with ?fresh=1: the fault must show.
    const view = await page.request.get("/inventory/view?fresh=1");
    expect(view.status()).toBeLessThan(500);
    const body = (await view.json()) as { kind: string; title?: string; message?: string };
    expect(body.kind).toBe("unavailable");
    expect(`${body.title} ${body.message}`).toMatch(fault.message);

    for (const url of PAGES) {
      const response = await page.goto(url);
      expect(response!.status(), url).toBeLessThan(500);
      await expect(page.getByText("Application error"), url).toHaveCount(0);
      await expect(page.getByRole("main"), url).toBeVisible();
    }
    await expectSpecificMessage(page, "/vendors", fault.message);
    await page.screenshot({
      path: testInfo.outputPath(`vendors-${fault.name.replace(/\W+/g, "-")}.png`),
      fullPage: true,
    });

    const result = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
    if (fault.failsWrites || result?.status !== "ok") {
      expect(result?.status).toBe("error");
      expect(String(result?.message)).toMatch(fault.message);
    }
    const moved = result?.status === "ok";

    // Pages that need no Bungie call keep working.
    await page.goto("/");
    await expect(page.getByRole("main")).toBeVisible();
    expect((await page.request.get("/api/health")).ok()).toBe(true);

    await sandboxControl(request, ...fault.clear);
    // The sandbox kept the item where it was, and the app shows exactly the sandbox's state.
    const after = await placements(request);
    expect(after).toEqual(moved ? new Map(before).set(item.id, "vault") : before);
    expect(await shownPlacements(page)).toEqual(after);
  });
}

test("a Bungie call beyond our time limit ends in a message, not a hung page", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "hang", { count: 20, maxMs: 120_000 });
  const started = Date.now();
  const view = await page.request.get("/inventory/view?fresh=1", { timeout: 60_000 });
  expect(view.status()).toBeLessThan(500);
  const body = (await view.json()) as { kind: string; title?: string };
  expect(body.kind).toBe("unavailable");
  expect(body.title).toMatch(/didn't answer/i);
  expect(Date.now() - started).toBeLessThan(45_000);
  await sandboxControl(request, "hang", { count: 0 });
  await page.goto("/");
  await expect(page.getByRole("main")).toBeVisible();
});

test("expired tokens are refreshed without the player noticing", async ({ page, request }) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "tokens/expire", { user: "demo" });
  expect((await shownPlacements(page)).size).toBeGreaterThan(100);
  const item = await firstMovable(request);
  const result = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
  expect(result?.status).toBe("ok");
  expect((await placements(request)).get(item.id)).toBe("vault");
});

test("revoked tokens sign the player out with a message; the app keeps serving", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const before = await placements(request);
  await sandboxControl(request, "tokens/revoke", { user: "demo" });
  const item = await firstMovable(request);
  const result = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
  expect(result?.status).toBe("error");
  expect(String(result?.message)).toMatch(/sign in|signed out|session/i);
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("main")).toBeVisible();
  expect(await placements(request)).toEqual(before);
  await page.goto("/");
  await expect(page.getByRole("main")).toBeVisible();
});

test("equipping on a character in an activity says why, and the view matches the sandbox", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const item = await firstMovable(request);
  await sandboxControl(request, "activity", { characterId: item.characterId, inActivity: true });
  const before = await placements(request);
  const result = await move(page, {
    intent: "equip",
    itemKey: item.id,
    characterId: item.characterId,
  });
  expect(result?.status).toBe("error");
  expect(String(result?.message)).toMatch(/activity|orbit/i);
  const after = await placements(request);
  expect(after).toEqual(before);
  expect(await shownPlacements(page)).toEqual(after);
});
