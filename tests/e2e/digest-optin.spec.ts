import { expect, test, type Page } from "@playwright/test";
import { sandboxControl, signInAs } from "./support";

// Double opt-in that cannot be turned into a mail cannon (issue 13 item 4), in the browser:
// switching the address back and forth sends no more confirmation emails, and the emailed link
// only shows a page (mail scanners follow links): its button confirms.
test.describe.configure({ mode: "serial" });

test.beforeEach(async ({ request }) => {
  await sandboxControl(request, "reset");
});

const CONFIRMATION = /Confirm your Warmind vendor digest/;

async function save(page: Page, email: string) {
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByRole("button", { name: /^Save (and confirm my address|changes)$/ }).click();
}

async function confirmationEmails(page: Page) {
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.getByTestId("outbox-list").getByRole("link", { name: CONFIRMATION }).count();
}

test("switching the address back and forth sends one confirmation email, not one per switch", async ({
  page,
}, testInfo) => {
  const a = `cannon-a.${testInfo.project.name}@example.com`;
  const b = `cannon-b.${testInfo.project.name}@example.com`;
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/settings/digest");
  const message = page.getByTestId("digest-message");

  await save(page, a);
  await expect(message).toContainText(`We sent a confirmation link to ${a}`);
  for (const email of [b, a, b, a, b]) {
    await save(page, email);
    await expect(message).toContainText("less than a minute ago");
    await expect(message).toContainText(email);
  }
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(message).toContainText("less than a minute ago");
  await page.screenshot({
    path: testInfo.outputPath(`optin-throttled-${testInfo.project.name}.png`),
    fullPage: true,
  });

  // Six saves with alternating addresses and a resend: one email went out.
  expect(await confirmationEmails(page)).toBe(1);
});

test("the emailed link only shows a page; its button confirms", async ({
  page,
  request,
}, testInfo) => {
  const email = `optin-link.${testInfo.project.name}@example.com`;
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/settings/digest");
  await save(page, email);
  await expect(page.getByTestId("digest-message")).toContainText("We sent a confirmation link");

  await page.goto("/outbox");
  await page.getByRole("link", { name: CONFIRMATION }).click();
  const link = page
    .getByRole("navigation", { name: "Links in this email" })
    .getByRole("link", { name: "Confirm my email address" });
  const url = new URL((await link.getAttribute("href"))!);
  const path = `${url.pathname}${url.search}`;

  // A mail scanner follows the link (a GET, no cookies): it gets the page, and nothing more.
  const scanned = await request.get(path);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Start the vendor digest?");
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");

  // The player opens it: a page with a button, and still nothing confirmed until it is pressed.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Start the vendor digest?" })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath(`optin-confirm-page-${testInfo.project.name}.png`),
    fullPage: true,
  });
  const settings = await page.context().newPage();
  await settings.goto("/settings/digest");
  await expect(settings.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");
  await settings.close();

  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("heading", { name: "Address confirmed" })).toBeVisible();
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "active");

  // Leave no subscriber behind for the digest spec's cron counts.
  await page.getByRole("button", { name: "Stop the digest" }).click();
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "unsubscribed");
});
