import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BucketHashes } from "../../lib/destiny/buckets";
import {
  HOSTILE_CLAN,
  HOSTILE_ITEM,
  HOSTILE_SALE,
  HOSTILE_VENDOR,
} from "../../sandbox/world/definitions/hostile-names";
import type { HostileNames } from "../../sandbox/world/hostile-names";
import { callAction } from "./server-actions";
import { sandboxControl, signInAs } from "./support";

// Attacks on our own surface, against the production build: forged ids in every server action,
// the cron route without its secret, forged email-link tokens, script in names the sandbox
// serves, tokens leaking into what the browser gets, and the security headers.
test.describe.configure({ mode: "serial" });

type StateItem = {
  itemInstanceId?: string;
  itemHash: number;
  quantity: number;
  where: string;
  bucketHash: number;
};
const SUBCLASS_BUCKET = BucketHashes.Subclass;
type UserSummary = {
  key: string;
  profiles: {
    membershipId: string;
    membershipType: number;
    characters: { characterId: string }[];
  }[];
};

async function sandboxState(request: APIRequestContext, user: string) {
  const response = await request.get(`/sandbox/__sandbox/state?user=${user}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { profiles: { items: StateItem[] }[] };
  return body.profiles.flatMap((p) => p.items);
}

async function sandboxUser(request: APIRequestContext, key: string): Promise<UserSummary> {
  const { users } = (await (await request.get("/sandbox/__sandbox/users")).json()) as {
    users: UserSummary[];
  };
  const user = users.find((u) => u.key === key);
  if (!user) throw new Error(`no sandbox user ${key}`);
  return user;
}

/** Calls a server action as React's client does, with the page's session cookie. */

test("another player's characters and items in every server action are refused", async ({
  page,
  request,
}) => {
  await sandboxControl(request, "reset");
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);

  const rival = await sandboxUser(request, "rival");
  const rivalProfile = rival.profiles[0]!;
  const rivalCharacter = rivalProfile.characters[0]!.characterId;
  const demo = await sandboxUser(request, "demo");
  const demoCharacter = demo.profiles[0]!.characters[0]!.characterId;
  const rivalBefore = await sandboxState(request, "rival");
  const demoBefore = await sandboxState(request, "demo");
  // Weapons and armour: a subclass would be refused for another reason.
  const rivalItem = rivalBefore.find(
    (i) => i.itemInstanceId && i.where.startsWith("inventory:") && i.bucketHash !== SUBCLASS_BUCKET,
  )!;
  const rivalEquipped = rivalBefore.find(
    (i) => i.itemInstanceId && i.where.startsWith("equipped:"),
  )!;
  const demoItem = demoBefore.find(
    (i) =>
      i.itemInstanceId &&
      i.where === `inventory:${demoCharacter}` &&
      i.bucketHash !== SUBCLASS_BUCKET,
  )!;

  const inventory = "app/inventory/actions.ts#inventoryAction";
  const forged: Record<string, string | string[]>[] = [
    { intent: "move", itemKey: rivalItem.itemInstanceId!, to: "vault" },
    { intent: "move", itemKey: demoItem.itemInstanceId!, to: rivalCharacter },
    { intent: "equip", itemKey: rivalItem.itemInstanceId!, characterId: demoCharacter },
    { intent: "equip", itemKey: demoItem.itemInstanceId!, characterId: rivalCharacter },
    { intent: "pull", itemKey: rivalItem.itemInstanceId! },
    { intent: "lock", itemKey: rivalEquipped.itemInstanceId!, locked: "true" },
    {
      intent: "equip-set",
      itemKeys: [rivalItem.itemInstanceId!, rivalEquipped.itemInstanceId!],
      characterId: rivalCharacter,
    },
  ];
  for (const fields of forged) {
    const { status, result } = await callAction(page, "/inventory", inventory, fields);
    expect(status, JSON.stringify(fields)).toBe(200);
    expect(result?.status, JSON.stringify(fields)).toBe("error");
    expect(String(result?.message), JSON.stringify(fields)).toMatch(/\w{3,}/);
    expect(result?.writes, JSON.stringify(fields)).toBe(0);
  }

  const chosen = await callAction(
    page,
    "/inventory",
    "app/inventory/actions.ts#chooseCharacter",
    { characterId: rivalCharacter },
    { status: "idle" },
  );
  expect(chosen.result?.status).toBe("error");
  expect(String(chosen.result?.message)).toMatch(/\w{3,}/);

  const platform = await callAction(
    page,
    "/account/platform",
    "app/account/platform/actions.ts#choosePlatform",
    {
      membershipType: String(rivalProfile.membershipType),
      membershipId: rivalProfile.membershipId,
    },
    {},
  );
  expect(platform.result?.error).toBe(
    "That Destiny account is not linked to your Bungie.net account.",
  );

  const digest = await callAction(
    page,
    "/settings/digest",
    "app/settings/digest/actions.ts#saveDigestSettings",
    { email: "guardian@example.com", filters: [], vendorHashes: [], characterId: rivalCharacter },
    { status: "idle", message: "" },
  );
  expect(digest.result?.status).toBe("error");
  expect(digest.result?.fieldErrors).toEqual({
    characterId: "That character is not on your Destiny account.",
  });

  // Nothing moved, on either side.
  expect(await sandboxState(request, "rival")).toEqual(rivalBefore);
  expect(await sandboxState(request, "demo")).toEqual(demoBefore);
});

test("the cron route refuses a missing or wrong secret", async ({ request }) => {
  const attempts: Record<string, string>[] = [
    {},
    { Authorization: "Bearer wrong" },
    { Authorization: "Basic ZTJlOmUyZQ==" },
    { Authorization: "Bearer " },
  ];
  for (const headers of attempts) {
    for (const method of ["get", "post"] as const) {
      const response = await request[method]("/api/cron/vendor-digest", { headers });
      expect(response.status(), `${method} ${JSON.stringify(headers)}`).toBe(401);
      expect(await response.json()).toEqual({ error: "Unauthorized" });
    }
  }
});

/** An email-link token as lib/email/signed-token.ts makes one, with any secret. */
function emailToken(purpose: string, subscriptionId: string, secret: string): string {
  const payload = Buffer.from(JSON.stringify([purpose, subscriptionId, 1, null])).toString(
    "base64url",
  );
  const key = createHmac("sha256", secret).update("warmind:email-link:v1").digest();
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}

test("tampered confirmation and unsubscribe links are refused, the real ones work", async ({
  page,
  request,
}, testInfo) => {
  await sandboxControl(request, "reset");
  // Not the rate-limit tests' players: their settings window may still be full.
  await signInAs(page, /Aurora Vale/);
  await page.goto("/settings/digest");
  await page
    .getByRole("textbox", { name: "Email address" })
    .fill(`security.${testInfo.project.name}@example.com`);
  // "Save changes" when the other project's run already confirmed an address: a new one is
  // confirmed again all the same.
  await page.getByRole("button", { name: /^Save (changes|and confirm my address)$/ }).click();
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");
  await page.goto("/outbox");
  await page
    .getByRole("link", { name: /Confirm your Warmind vendor digest/ })
    .first()
    .click();
  const link = page
    .getByRole("navigation", { name: "Links in this email" })
    .getByRole("link", { name: "Confirm my email address" });
  const real = new URL((await link.getAttribute("href"))!);
  const token = real.searchParams.get("token")!;
  const [payload, signature] = token.split(".") as [string, string];
  const [, subscriptionId] = JSON.parse(Buffer.from(payload, "base64url").toString()) as [
    string,
    string,
  ];
  const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);

  const forgeries = [
    `${flip(payload)}.${signature}`,
    `${payload}.${flip(signature)}`,
    `${payload}.`,
    payload,
    `${token}.x`,
    emailToken("confirm", subscriptionId, "not-our-secret"),
    emailToken("unsubscribe", subscriptionId, "not-our-secret"),
    "",
    "%00",
    "x".repeat(5000),
  ];
  for (const forged of forgeries) {
    const query = `token=${encodeURIComponent(forged)}`;
    const confirm = await request.get(`/api/digest/confirm?${query}`);
    expect(confirm.status(), forged.slice(0, 40)).toBe(400);
    expect(await confirm.text()).toContain("This link does not work");
    const unsubscribe = await request.post(`/api/digest/unsubscribe?${query}`);
    expect(unsubscribe.status(), forged.slice(0, 40)).toBe(400);
    expect(await unsubscribe.text()).toContain("This link does not work");
    expect((await request.get(`/api/digest/unsubscribe?${query}`)).status()).toBe(400);
  }
  // A confirmation token is not an unsubscribe token.
  expect((await request.post(`/api/digest/unsubscribe?token=${token}`)).status()).toBe(400);
  await page.goto("/settings/digest");
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");

  // The untouched link still works: the refusals above were about the tampering.
  await page.goto(`${real.pathname}${real.search}`);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("heading", { name: "Address confirmed" })).toBeVisible();

  // Leave no subscriber behind: the digest spec's cron run (the other project's) counts them.
  await page.goto("/settings/digest");
  await page.getByRole("button", { name: "Stop the digest" }).click();
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "unsubscribed");
});

test("a member named <script> is shown as text and never runs", async ({ page, request }) => {
  await sandboxControl(request, "reset");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, /Aurora Vale/, "/signin?callbackUrl=%2Fclan");
  await expect(page).toHaveURL(/\/clan$/);
  const name = page.getByText("<script>alert(1)</script>", { exact: false }).first();
  await expect(name).toBeVisible();
  const member = page.getByRole("link", { name: /<script>alert\(1\)<\/script>/ }).first();
  await member.click();
  await expect(page).toHaveURL(/\/clan\/member\//);
  await expect(page.getByText("<script>alert(1)</script>", { exact: false }).first()).toBeVisible();
  // The name travels inside the page's RSC data as a JSON string; what must never exist is a
  // script element of its own.
  const injected = await page.evaluate(
    () => [...document.scripts].filter((s) => s.textContent?.trim() === "alert(1)").length,
  );
  expect(injected).toBe(0);
  expect(dialogs).toEqual([]);
});

/** Nothing a payload would have made exists: no handler attributes, no image of "x", no script. */
async function expectNothingInjected(page: Page, where: string, dialogs: string[]) {
  const injected = await page.evaluate(() => ({
    handlers: document.querySelectorAll("[onerror], [onload]").length,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    // The names travel inside the page's RSC data as JSON strings; a script of their own must not.
    scripts: [...document.scripts].filter((s) => /^alert\(.*\)$/.test(s.textContent?.trim() ?? ""))
      .length,
  }));
  expect(injected, where).toEqual({ handlers: 0, images: 0, svgs: 0, scripts: 0 });
  expect(dialogs, where).toEqual([]);
}

test("script in item, clan and player names is shown as text and never runs", async ({
  page,
  request,
}) => {
  // A world of its own (new ids): nothing the app cached from other tests is shown instead.
  await sandboxControl(request, "reset", { seed: Date.now() % 1_000_000_000 });
  const hostile = (await sandboxControl(request, "hostile-names")) as HostileNames;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-clan")).toContainText(HOSTILE_CLAN.name);
  await expectNothingInjected(page, "account", dialogs);

  await page.goto("/clan");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_CLAN.name);
  await expect(page.getByText(`“${HOSTILE_CLAN.motto}”`)).toBeVisible();
  await expect(page.getByText(HOSTILE_CLAN.about, { exact: true })).toBeVisible();
  const rows = page.locator("li[data-member-key]");
  await expect(rows.filter({ hasText: "<script>alert(1)</script>#" })).toHaveCount(1);
  const member = rows.filter({ hasText: `${hostile.member.name}#` });
  await expect(member).toHaveCount(1);
  await expectNothingInjected(page, "clan", dialogs);
  await member.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/clan/member/\\d+/${hostile.member.membershipId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(hostile.member.name);
  await expectNothingInjected(page, "member", dialogs);

  // Equipped on every character, so on whichever one the page shows.
  await page.goto("/inventory");
  const tile = page
    .locator(
      hostile.items
        .map((i) => `[data-testid="item-tile"][data-item-key="${i.itemInstanceId}"]`)
        .join(", "),
    )
    .first();
  await expect(tile).toHaveAttribute("title", HOSTILE_ITEM.name);
  expect(await tile.getAttribute("aria-label")).toMatch(/^<img src=x onerror=alert\("item"\)>, /);
  await tile.click();
  const sheet = page.getByTestId("item-sheet");
  await expect(sheet.getByRole("heading", { level: 2 })).toHaveText(HOSTILE_ITEM.name);
  await expect(sheet.getByText(HOSTILE_ITEM.description, { exact: true })).toBeVisible();
  await expectNothingInjected(page, "inventory", dialogs);

  await page.goto("/vendors");
  const vendor = page.getByRole("region", { name: HOSTILE_VENDOR.name });
  await expect(vendor.getByRole("heading", { level: 3 })).toHaveText(HOSTILE_VENDOR.name);
  await expect(vendor).toContainText(HOSTILE_VENDOR.subtitle);
  // Vendors open on request (the page lays out only the sales asked for).
  await vendor.getByRole("button", { name: HOSTILE_VENDOR.name, exact: true }).click();
  for (const name of [HOSTILE_ITEM.name, HOSTILE_SALE.name]) {
    await expect(vendor.getByTestId("vendor-sale").filter({ hasText: name })).toHaveCount(1);
  }
  await expectNothingInjected(page, "vendors", dialogs);

  await page.goto("/settings/digest");
  await expect(page.getByText(HOSTILE_VENDOR.name, { exact: true })).toBeVisible();
  await expectNothingInjected(page, "digest settings", dialogs);
});

test("Bungie tokens never reach the browser: not in HTML, scripts or data", async ({
  page,
  request,
}) => {
  await sandboxControl(request, "reset");
  const bodies: { url: string; text: string }[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (!/html|javascript|json|x-component|text/.test(type)) return;
    bodies.push({ url: response.url(), text: await response.text().catch(() => "") });
  });
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  for (const path of ["/inventory", "/clan", "/vendors", "/settings/digest", "/account"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  const { tokens } = (await (await request.get("/sandbox/__sandbox/tokens?user=demo")).json()) as {
    tokens: string[];
  };
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  const cookies = (await page.context().cookies()).map((c) => c.value);
  expect(bodies.length).toBeGreaterThan(10);
  for (const token of tokens) {
    const forms = [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)];
    for (const { url, text } of bodies) {
      for (const form of forms) expect(text.includes(form), `token in ${url}`).toBe(false);
    }
    for (const value of cookies) expect(value.includes(token)).toBe(false);
  }
});

test("security headers on real responses", async ({ page, request }) => {
  for (const path of ["/", "/signin", "/no-destiny-account", "/does-not-exist"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src[^;]*'nonce-[A-Za-z0-9+/=_-]{16,}'/);
    expect(csp, path).toMatch(/frame-ancestors 'none'/);
    expect(csp, path).toMatch(/object-src 'none'/);
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    // Plain HTTP here: HSTS belongs to HTTPS responses only.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  // Each response has its own nonce, and every inline script of the page carries it.
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  const first = await page.goto("/");
  const nonce = nonceOf(first!.headers()["content-security-policy"] ?? "");
  const second = await request.get("/");
  expect(nonceOf(second.headers()["content-security-policy"] ?? "")).not.toBe(nonce);
  const scripts = await page.evaluate(() =>
    [...document.scripts].map((s) => ({ nonce: s.nonce, src: s.src })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, script.src).toBe(nonce);
});

test("pages that route handlers render get the same protection as pages", async ({ request }) => {
  const paths = [
    // The digest's email-link pages (an invalid token still renders a page).
    "/api/digest/unsubscribe?token=x",
    "/api/digest/confirm?token=x",
    // Auth.js' own pages and redirects.
    "/api/auth/signout",
    "/api/auth/verify-request",
    "/api/auth/error?error=Configuration",
    "/api/auth/signin",
    "/api/auth/session",
    "/api/auth/csrf",
    "/api/health",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/frame-ancestors 'none'/);
    expect(csp, path).toMatch(/object-src 'none'/);
    expect(csp, path).toMatch(/base-uri '(none|self)'/);
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBeTruthy();
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  // These pages run no script at all; their forms post only to us.
  for (const path of ["/api/digest/unsubscribe?token=x", "/api/auth/signout"]) {
    const response = await request.get(path);
    expect(response.headers()["content-type"], path).toMatch(/text\/html/);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'none'/);
    expect(csp, path).toMatch(/form-action 'self'/);
  }
  // Email-link pages carry a token in their URL: no referrer leaves them.
  const link = await request.get("/api/digest/unsubscribe?token=x");
  expect(link.headers()["referrer-policy"]).toBe("no-referrer");
});

test("per-player rate limit on our own actions: the 31st settings change in a minute waits", async ({
  page,
  request,
}, testInfo) => {
  await sandboxControl(request, "reset");
  // One player per project: the limit's window outlives a project's run.
  await signInAs(page, testInfo.project.name === "phone" ? /Crimson Rival/ : /Twin Path/);
  await expect(page).toHaveURL(/\/account$/);
  const messages: string[] = [];
  for (let i = 0; i < 31; i++) {
    const { result } = await callAction(
      page,
      "/account/platform",
      "app/account/platform/actions.ts#choosePlatform",
      { membershipType: "3", membershipId: "1" },
      {},
    );
    messages.push(String(result?.error));
  }
  expect(messages.slice(0, 30).every((m) => m === messages[0])).toBe(true);
  expect(messages[30]).not.toBe(messages[0]);
  expect(messages[30]).toMatch(/try again|too many|wait/i);
});

test("per-player rate limit on stopping the digest: within 31 calls in a minute one waits", async ({
  page,
  request,
}, testInfo) => {
  await sandboxControl(request, "reset");
  // The settings limit is shared by every settings action of a player: the test above may
  // already have spent this player's minute, so count until the refusal, at most 31 calls.
  await signInAs(page, testInfo.project.name === "phone" ? /Crimson Rival/ : /Twin Path/);
  await expect(page).toHaveURL(/\/account$/);
  const messages: string[] = [];
  for (let i = 0; i < 31; i++) {
    const { status, result } = await callAction(
      page,
      "/settings/digest",
      "app/settings/digest/actions.ts#stopDigest",
      {},
      { status: "idle", message: "" },
    );
    expect(status).toBe(200);
    messages.push(String(result?.message));
    if (result?.status === "error") break;
  }
  const refused = messages.at(-1)!;
  expect(refused).toMatch(/try again|too many|wait/i);
  expect(
    messages.slice(0, -1).every((m) => m === "The digest is off. Nothing more will be sent."),
  ).toBe(true);
});

test("per-player rate limit on item actions: the 121st in a minute is refused with a message", async ({
  page,
  request,
}, testInfo) => {
  await sandboxControl(request, "reset");
  // Players of their own: the windows outlive a test, and other tests move these players' items.
  await signInAs(page, testInfo.project.name === "phone" ? /Crimson Rival/ : /Twin Path/);
  await expect(page).toHaveURL(/\/account$/);
  const messages: string[] = [];
  // Not an intent Warmind knows: the limit is counted before validation, and nothing moves.
  for (let i = 0; i < 121; i++) {
    const { result } = await callAction(
      page,
      "/inventory",
      "app/inventory/actions.ts#inventoryAction",
      {
        intent: "nothing",
      },
    );
    messages.push(String(result?.message));
  }
  expect(new Set(messages.slice(0, 120))).toEqual(
    new Set(["That is not something Warmind can do with an item."]),
  );
  expect(messages[120]).toMatch(/try again|too many|wait/i);
});
