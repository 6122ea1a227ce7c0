import { expect, test, type Browser, type Page } from "@playwright/test";
import { sandboxControl, signInAs } from "./support";

// Sign-in with Bungie through the sandbox's consent page, in Chromium.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

test("approve: signs in, shows the Bungie name and platform, survives a reload", async ({
  page,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const header = page.getByRole("banner");
  await expect(header.getByTestId("bungie-name")).toHaveText("Aurora Vale#4821");
  await expect(header.getByTestId("platform")).toContainText("Steam");
  await page.screenshot({
    path: testInfo.outputPath(`signed-in-${testInfo.project.name}.png`),
    fullPage: true,
  });

  await page.reload();
  await expect(header.getByTestId("bungie-name")).toHaveText("Aurora Vale#4821");

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});

test("deny: comes back signed out with a clear message", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Bungie" }).click();
  await page.waitForURL(/\/sandbox\/en\/OAuth\/Authorize/i);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("cancelled");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath(`denied-${testInfo.project.name}.png`),
    fullPage: true,
  });
});

test("a protected page sends a signed-out visitor to sign in and back", async ({ page }) => {
  await page.goto("/clan");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclan/);
  await page.getByRole("button", { name: "Sign in with Bungie" }).click();
  await page.getByRole("radio", { name: /Aurora Vale/ }).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/clan$/);
});

test("an open redirect through the callback URL is refused", async ({ page }) => {
  await page.goto("/signin?callbackUrl=https://evil.example/steal");
  await page.getByRole("button", { name: "Sign in with Bungie" }).click();
  await page.getByRole("radio", { name: /Aurora Vale/ }).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/account$/);
});

test("an access token that expires early is refreshed without the player noticing", async ({
  page,
  request,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "tokens/expire", { user: "demo" });
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("banner").getByTestId("bungie-name")).toHaveText("Aurora Vale#4821");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("a revoked Bungie authorization signs the player out with a clear message, not an error page", async ({
  page,
  request,
}, testInfo) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await sandboxControl(request, "tokens/revoke", { user: "demo" });
  // The profile just read stays in the server's 15-second cache (lib/guardian/profile-store.ts);
  // the next read after that goes to Bungie with the revoked token.
  await page.waitForTimeout(16_000);
  const response = await page.reload();
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/signin\?error=SessionExpired/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was revoked");
  await page.screenshot({
    path: testInfo.outputPath(`revoked-${testInfo.project.name}.png`),
    fullPage: true,
  });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

test("a Bungie.net account without Destiny gets a page that says so", async ({ page }) => {
  await signInAs(page, /Fresh Light/);
  await expect(page).toHaveURL(/\/no-destiny-account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No Destiny 2 account found");
});

test("a player with two unlinked platforms can switch between them", async ({ page }) => {
  await signInAs(page, /Twin Path/);
  await page.getByRole("link", { name: /Switch Destiny account/ }).click();
  await expect(page).toHaveURL(/\/account\/platform$/);
  await page.getByRole("button", { name: /PlayStation/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("banner").getByTestId("platform")).toContainText("PlayStation");
});

/** A browser of its own (no shared cookies), on the same device profile as the test's page. */
async function otherBrowser(browser: Browser, page: Page): Promise<Page> {
  const viewport = page.viewportSize();
  const context = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    ...(viewport ? { viewport } : {}),
  });
  return context.newPage();
}

async function expectSignedInAs(page: Page, name: string) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("banner").getByTestId("bungie-name")).toHaveText(name);
  await expect(page.getByTestId("account-name")).toHaveText(name);
}

test("signing in as another player in the same browser never links the two Bungie accounts", async ({
  page,
  browser,
}) => {
  await signInAs(page, /Aurora Vale/);
  await expectSignedInAs(page, "Aurora Vale#4821");
  // Same browser, still signed in as Aurora: sign in as Rival.
  await signInAs(page, /Crimson Rival/);
  await expectSignedInAs(page, "Crimson Rival#0317");
  await expect(page.getByTestId("account-platform")).not.toContainText("Steam");

  // Aurora, elsewhere, is still Aurora with her own Destiny account...
  const aurora = await otherBrowser(browser, page);
  await signInAs(aurora, /Aurora Vale/);
  await expectSignedInAs(aurora, "Aurora Vale#4821");
  await expect(aurora.getByTestId("account-platform")).toHaveText(
    "Playing on Steam with Cross Save (Steam, PlayStation)",
  );
  // ...and her sign-in did not turn the first browser into her.
  await expectSignedInAs(page, "Crimson Rival#0317");

  // Rival, in a third browser, lands in Rival's user, not in Aurora's.
  const rival = await otherBrowser(browser, page);
  await signInAs(rival, /Crimson Rival/);
  await expectSignedInAs(rival, "Crimson Rival#0317");
  await expectSignedInAs(aurora, "Aurora Vale#4821");
  await expectSignedInAs(page, "Crimson Rival#0317");

  // Signing out in one of Rival's browsers leaves the other signed in.
  await rival.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(rival).toHaveURL(/\/$/);
  await expectSignedInAs(page, "Crimson Rival#0317");
  await aurora.context().close();
  await rival.context().close();
});

test("the session JSON the browser can read holds no token and no id", async ({ page }) => {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const response = await page.request.get("/api/auth/session");
  expect(response.ok()).toBe(true);
  const text = await response.text();
  const session = JSON.parse(text) as Record<string, unknown>;
  expect(session).toEqual({
    user: { bungieName: "Aurora Vale#4821", image: expect.stringMatching(/^\/img\//) },
    expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(text).not.toMatch(/sessionToken|userId|"id"|token/i);
  // The session cookie is HttpOnly, and its value appears nowhere a script can read.
  const cookie = (await page.context().cookies()).find((c) => /session-token$/.test(c.name));
  expect(cookie?.httpOnly).toBe(true);
  expect(text).not.toContain(cookie!.value);
  expect(await page.evaluate(() => document.cookie)).not.toContain(cookie!.value);
  // No long random-looking value either (an id or a token by another name).
  const values: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") values.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(session);
  for (const value of values) {
    if (value.startsWith("/img/") || /^\d{4}-\d\d-\d\dT/.test(value)) continue;
    expect(value, "token-like value in the session JSON").not.toMatch(/^[A-Za-z0-9_-]{20,}$/);
  }

  // Signed out, the session JSON is null.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
});
