import { expect, test } from "@playwright/test";

test("a new visitor sees the landing page and the demo banner, and reaches sign-in", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("guardians");
  await expect(page.getByRole("status", { name: "Demo mode" })).toContainText("sandbox");
  await page.screenshot({
    path: testInfo.outputPath(`landing-${testInfo.project.name}.png`),
    fullPage: true,
  });

  await page.getByRole("link", { name: "Sign in with Bungie" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const signIn = page.getByRole("button", { name: "Sign in with Bungie" });
  await expect(signIn).toBeVisible();
  await expect(page.getByRole("status", { name: "Demo mode" })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath(`signin-${testInfo.project.name}.png`),
    fullPage: true,
  });
});
