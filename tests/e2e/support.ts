import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The demo sandbox's control API, on the app's own origin in demo mode. */
export async function sandboxControl(request: APIRequestContext, path: string, body: unknown = {}) {
  const response = await request.post(`/sandbox/__sandbox/${path}`, { data: body });
  expect(response.ok(), `POST /sandbox/__sandbox/${path} → ${response.status()}`).toBe(true);
  return response.json().catch(() => null);
}

/** Signs in through the sandbox's Bungie consent page, as a player would. */
export async function signInAs(page: Page, accountName: RegExp | string, from = "/signin") {
  await page.goto(from);
  await page.getByRole("button", { name: "Sign in with Bungie" }).click();
  await page.waitForURL(/\/sandbox\/en\/OAuth\/Authorize/i);
  await page.getByRole("radio", { name: accountName }).check();
  await page.getByRole("button", { name: "Approve" }).click();
}

/** Nothing sticks out sideways: on a phone the whole page would scroll left and right. */
export async function expectNoSidewaysScroll(page: Page) {
  // Against the project's viewport, not window.innerWidth: on a phone, Chromium widens the layout
  // viewport to fit content that is too wide, so innerWidth grows with the page.
  const viewport = page.viewportSize()?.width ?? 0;
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, "the layout viewport was widened to fit the page").toBeLessThanOrEqual(
    viewport,
  );
  expect(scrollWidth, "page is wider than the viewport").toBeLessThanOrEqual(viewport);
}
