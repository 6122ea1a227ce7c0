import { expect, test } from "@playwright/test";
import { E2E_CRON_SECRET } from "../../playwright.config";
import { expectNoSidewaysScroll, sandboxControl, signInAs } from "./support";

// The vendor digest end to end in demo mode: subscribe, confirm through the emailed link's page
// (the demo outbox stands in for a mailbox), the cron run, and the one-click unsubscribe. The
// sandbox has the real game's 231 vendors and the digest still reads each with GetVendor (issue
// 15 fixes that), so a run takes seconds: longer timeouts.
test.describe.configure({ mode: "serial", timeout: 240_000 });

test("subscribe, confirm by email, get the digest once per reset, unsubscribe in one click", async ({
  page,
  request,
}, testInfo) => {
  // One player per project: a digest is sent once per subscriber and reset.
  const phone = testInfo.project.name === "phone";
  const player = phone ? /Aurora Vale/ : /Crimson Rival/;
  const email = `${testInfo.project.name}.guardian@example.com`;
  const shot = async (name: string) => {
    await expectNoSidewaysScroll(page);
    await page.screenshot({
      path: testInfo.outputPath(`${name}-${testInfo.project.name}.png`),
      fullPage: true,
    });
  };

  await sandboxControl(request, "reset");
  await signInAs(page, player);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/vendors");
  await page.getByRole("link", { name: "Email me after each reset" }).click();
  await expect(page).toHaveURL(/\/settings\/digest$/);
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "none");

  // Bad input: a clear error, and nothing the player entered is lost.
  const address = page.getByRole("textbox", { name: "Email address" });
  await address.fill("not-an-email");
  await page.getByRole("checkbox", { name: "Weapons" }).check();
  await page.getByRole("checkbox", { name: /Banshee-44/ }).check();
  await page.getByRole("button", { name: "Save and confirm my address" }).click();
  await expect(page.getByText("That is not an email address")).toBeVisible();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toHaveValue("not-an-email");
  await expect(page.getByRole("checkbox", { name: "Weapons" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Banshee-44/ })).toBeChecked();
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "none");
  await shot("digest-invalid");

  await address.fill(email);
  await page.getByRole("button", { name: "Save and confirm my address" }).click();
  await expect(page.getByTestId("digest-message")).toContainText(
    `We sent a confirmation link to ${email}`,
  );
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");
  await shot("digest-pending");

  // Asking again within a minute sends nothing more.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByTestId("digest-message")).toContainText("less than a minute ago");

  // The confirmation email, read in the outbox; its link confirms the address.
  await page.getByRole("link", { name: "your outbox" }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  await expect(page.getByTestId("outbox-list").getByRole("link")).toHaveCount(1);
  await page.getByRole("link", { name: /Confirm your Warmind vendor digest/ }).click();
  await expect(
    page.getByRole("heading", { name: "Confirm your Warmind vendor digest" }),
  ).toBeVisible();
  await page
    .getByRole("navigation", { name: "Links in this email" })
    .getByRole("link", { name: "Confirm my email address" })
    .click();
  // The link only asks (mail scanners follow links); the button confirms.
  await expect(page.getByRole("heading", { name: "Start the vendor digest?" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("heading", { name: "Address confirmed" })).toBeVisible();
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "active");
  await expect(page.getByRole("checkbox", { name: "Weapons" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Banshee-44/ })).toBeChecked();

  // The cron route: refused without the secret, once per reset with it.
  expect((await request.get("/api/cron/vendor-digest")).status()).toBe(401);
  const wrong = await request.get("/api/cron/vendor-digest", {
    headers: { Authorization: "Bearer nope" },
  });
  expect(wrong.status()).toBe(401);
  const cron = { headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` }, timeout: 120_000 };
  const first = await request.get("/api/cron/vendor-digest", cron);
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({
    transport: "outbox",
    subscribers: 1,
    sent: 1,
    failed: 0,
  });
  const second = await request.get("/api/cron/vendor-digest", cron);
  expect(await second.json()).toMatchObject({ subscribers: 1, sent: 0, skipped: 1 });

  // The digest: Banshee-44's weapons only, with the one-click unsubscribe headers.
  await page.goto("/outbox");
  await expect(page.getByTestId("outbox-list").getByRole("link")).toHaveCount(2);
  await page.getByRole("link", { name: /^Vendors for / }).click();
  await expect(page.getByTestId("header-List-Unsubscribe-Post")).toHaveText(
    "List-Unsubscribe=One-Click",
  );
  await expect(page.getByTestId("header-List-Unsubscribe")).toHaveText(
    /^<http:\/\/localhost:\d+\/api\/digest\/unsubscribe\?token=/,
  );
  const body = page.frameLocator('iframe[title="Email content"]');
  await expect(body.getByRole("heading", { name: "Banshee-44" })).toBeVisible();
  await expect(body.getByText("Weapons, 1 chosen vendor").first()).toBeVisible();
  await expect(body.getByRole("heading", { name: "Xûr" })).toHaveCount(0);
  await expect(body.locator("img").first()).toHaveAttribute(
    "src",
    /^http:\/\/localhost:\d+\/sandbox\//,
  );
  await page.getByText("Plain-text version").click();
  await expect(page.getByTestId("outbox-text")).toContainText("BANSHEE-44");
  await expect(page.getByTestId("outbox-text")).not.toContainText("Enhancement Core");
  // Banshee-44's sales come from GetPublicVendors (read once per reset for every subscriber),
  // whose answer has no item instances, so no gear tier (that is the vendors screen's, from
  // GetVendor's component 300): the digest claims none. No Legendary Shards (retired in 2024).
  await expect(page.getByTestId("outbox-text")).toContainText(/Legendary [A-Z][a-z]+/);
  await expect(page.getByTestId("outbox-text")).not.toContainText(/ · Tier [1-5]/);
  await expect(page.getByTestId("outbox-text")).not.toContainText("Legendary Shards");
  await shot("digest-email");
  await page.locator('iframe[title="Email content"]').screenshot({
    path: testInfo.outputPath(`digest-email-frame-${testInfo.project.name}.png`),
  });
  const digestUrl = page.url();

  // Opening the unsubscribe link only asks; a mail client's one-click POST unsubscribes.
  await page
    .getByRole("navigation", { name: "Links in this email" })
    .getByRole("link", { name: "Unsubscribe" })
    .click();
  await expect(
    page.getByRole("heading", { name: "Unsubscribe from the vendor digest?" }),
  ).toBeVisible();
  await shot("digest-unsubscribe-ask");
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "active");
  await page.goto(digestUrl);
  await page
    .getByRole("button", { name: "Unsubscribe (one click, as a mail client does)" })
    .click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "unsubscribed");
  await shot("digest-unsubscribed");

  // Nothing more is sent to an unsubscribed address.
  const after = await request.get("/api/cron/vendor-digest", cron);
  expect(await after.json()).toMatchObject({ subscribers: 0, sent: 0 });
});

test("a forged unsubscribe token is refused", async ({ request }) => {
  const response = await request.post("/api/digest/unsubscribe?token=eyJ4IjoxfQ.c2lnbmF0dXJl", {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("This link does not work");
});

test("the digest settings ask Bungie once per reset, not on every view", async ({
  page,
  request,
}) => {
  // A world of its own (new seed: membership ids nothing has cached), so the counts are exact.
  await sandboxControl(request, "reset", { seed: (Date.now() % 1_000_000_000) + 11 });
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const calls = async () => {
    const response = await page.request.get("/sandbox/__sandbox/stats");
    const { operations } = (await response.json()) as { operations: Record<string, number> };
    return {
      GetProfile: operations["Destiny2.GetProfile"] ?? 0,
      GetVendors: operations["Destiny2.GetVendors"] ?? 0,
    };
  };
  const vendorChoices = page.getByRole("group", { name: "Vendors" }).getByRole("checkbox");

  await sandboxControl(request, "stats/reset");
  await page.goto("/settings/digest");
  await expect(vendorChoices.first()).toBeVisible();
  const offered = await vendorChoices.count();
  expect(offered).toBeGreaterThan(30);
  // The first view: the characters (GetProfile) and the character's vendors (GetVendors).
  expect(await calls()).toEqual({ GetProfile: 1, GetVendors: 1 });

  await page.reload();
  await expect(vendorChoices).toHaveCount(offered);
  // Vendors change at the reset: until then a view is drawn from the cache.
  expect(await calls()).toEqual({ GetProfile: 1, GetVendors: 1 });
});
