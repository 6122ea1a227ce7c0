import { expect, test } from "@playwright/test";
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
