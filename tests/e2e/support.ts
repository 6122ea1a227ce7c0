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
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, "page is wider than the viewport").toBeLessThanOrEqual(0);
}
