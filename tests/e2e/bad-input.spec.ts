import { expect, test } from "@playwright/test";
import { callAction, IDLE_ITEM } from "./server-actions";
import { sandboxControl, signInAs } from "./support";

// Every server action and route handler, fed malformed payloads, answers with a clear message
// (the form's own state, or a 4xx page/JSON), never a 500. Against the production build.
test.describe.configure({ mode: "serial" });

type Fields = Record<string, string | string[]>;

const huge = "9".repeat(10_000);
const script = "<script>alert(1)</script>";

test("item actions: malformed forms get a clear message and change nothing", async ({
  page,
  request,
}) => {
  await sandboxControl(request, "reset");
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const before = await (await request.get("/sandbox/__sandbox/state?user=demo")).json();

  const cases: [Fields, RegExp][] = [
    [{}, /not something Warmind can do/],
    [{ intent: "explode", itemKey: "1" }, /not something Warmind can do/],
    [{ intent: "move" }, /./],
    [{ intent: "move", itemKey: "abc", to: "vault" }, /not an item of your inventory/],
    [{ intent: "move", itemKey: huge, to: "vault" }, /not an item of your inventory/],
    [{ intent: "move", itemKey: script, to: "vault" }, /not an item of your inventory/],
    [{ intent: "move", itemKey: "123", to: "the moon" }, /./],
    [{ intent: "move", itemKey: "123", to: "vault", quantity: "-5" }, /./],
    [{ intent: "move", itemKey: "123", to: "vault", quantity: "1e9" }, /./],
    [{ intent: "move", itemKey: "123", to: "vault", quantity: "lots" }, /./],
    [{ intent: "equip", itemKey: "123", characterId: "-1" }, /not a Destiny id/],
    [{ intent: "equip", itemKey: "123" }, /./],
    [{ intent: "pull", itemKey: "" }, /./],
    [{ intent: "lock", itemKey: "123", locked: "maybe" }, /./],
    [{ intent: "equip-set", characterId: "1" }, /Choose at least one item/],
    [{ intent: "equip-set", itemKeys: Array(21).fill("1"), characterId: "1" }, /./],
    // Well-formed, but naming nothing the player has.
    [{ intent: "move", itemKey: "999999999999", to: "vault" }, /./],
    [{ intent: "equip", itemKey: "999999999999", characterId: "42" }, /./],
  ];
  for (const [fields, message] of cases) {
    const label = JSON.stringify(fields).slice(0, 80);
    const { status, result } = await callAction(
      page,
      "/inventory",
      "app/inventory/actions.ts#inventoryAction",
      fields,
      IDLE_ITEM,
    );
    expect(status, label).toBe(200);
    expect(result?.status, label).toBe("error");
    expect(String(result?.message), label).toMatch(message);
    expect(String(result?.message).length, label).toBeGreaterThan(10);
    expect(result?.writes, label).toBe(0);
  }

  const choices: Fields[] = [
    {},
    { characterId: "x" },
    { characterId: "1", next: "https://evil.example" },
  ];
  for (const fields of choices) {
    const { status, result } = await callAction(
      page,
      "/inventory",
      "app/inventory/actions.ts#chooseCharacter",
      fields,
      { status: "idle" },
    );
    expect(status, JSON.stringify(fields)).toBe(200);
    expect(result?.status, JSON.stringify(fields)).toBe("error");
    expect(String(result?.message)).toMatch(/\w{3,}/);
  }

  expect(await (await request.get("/sandbox/__sandbox/state?user=demo")).json()).toEqual(before);
});

test("platform and digest settings: malformed forms get field messages", async ({
  page,
  request,
}) => {
  await sandboxControl(request, "reset");
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);

  const platformCases: [Fields, RegExp][] = [
    [{}, /./],
    [{ membershipType: "3", membershipId: "abc" }, /not a Destiny membership id/],
    [{ membershipType: "999", membershipId: "1" }, /./],
    [{ membershipType: "three", membershipId: huge }, /./],
  ];
  for (const [fields, message] of platformCases) {
    const { status, result } = await callAction(
      page,
      "/account/platform",
      "app/account/platform/actions.ts#choosePlatform",
      fields,
      {},
    );
    expect(status, JSON.stringify(fields)).toBe(200);
    expect(String(result?.error), JSON.stringify(fields)).toMatch(message);
  }

  const settings = "app/settings/digest/actions.ts#saveDigestSettings";
  const digestCases: [Fields, string, RegExp][] = [
    [{}, "email", /Enter the email address/],
    [{ email: "nope" }, "email", /not an email address/],
    [{ email: `${"a".repeat(250)}@example.com` }, "email", /too long/],
    [{ email: "a@example.com", filters: ["bogus"] }, "filters", /Unknown filter/],
    [{ email: "a@example.com", vendorHashes: ["-1"] }, "vendorHashes", /Unknown vendor/],
    [{ email: "a@example.com", vendorHashes: ["99999999999"] }, "vendorHashes", /Unknown vendor/],
    [{ email: "a@example.com", characterId: script }, "characterId", /Unknown character/],
  ];
  for (const [fields, field, message] of digestCases) {
    const { status, result } = await callAction(page, "/settings/digest", settings, fields, {
      status: "idle",
      message: "",
    });
    const label = JSON.stringify(fields).slice(0, 80);
    expect(status, label).toBe(200);
    expect(result?.status, label).toBe("error");
    expect(result?.message, label).toBe("Please correct the marked fields.");
    const errors = (result?.fieldErrors ?? {}) as Record<string, string>;
    expect(errors[field], label).toMatch(message);
    // What the player typed comes back, so nothing is lost.
    expect((result?.values as { email?: string } | undefined)?.email, label).toBe(
      typeof fields.email === "string" ? fields.email : "",
    );
  }

  for (const action of ["resendConfirmation", "stopDigest"]) {
    const { status, text } = await callAction(
      page,
      "/settings/digest",
      `app/settings/digest/actions.ts#${action}`,
      { junk: huge },
      { status: "idle", message: "" },
    );
    expect(status, action).toBe(200);
    expect(text, action).not.toMatch(/Internal Server Error/);
  }
});

test("signed out: every action asks to sign in again, never a 500", async ({ page }) => {
  await page.goto("/");
  for (const [pagePath, action, previous] of [
    ["/inventory", "app/inventory/actions.ts#inventoryAction", IDLE_ITEM],
    ["/inventory", "app/inventory/actions.ts#chooseCharacter", { status: "idle" }],
    ["/account/platform", "app/account/platform/actions.ts#choosePlatform", {}],
    ["/settings/digest", "app/settings/digest/actions.ts#saveDigestSettings", { status: "idle" }],
  ] as const) {
    const { status, text } = await callAction(
      page,
      pagePath,
      action,
      { intent: "move", itemKey: "1", to: "vault" },
      previous,
    );
    expect(status, action).toBeLessThan(500);
    if (status === 200) expect(text, action).toMatch(/sign in again|signin/i);
  }
});

test("route handlers answer malformed requests with a 4xx and words", async ({ request }) => {
  const checks: { method: "get" | "post"; url: string; status: number[]; body: RegExp }[] = [
    { method: "get", url: "/api/auth/bungie/authorize", status: [400], body: /sign-in page/ },
    {
      method: "get",
      url: "/api/auth/bungie/authorize?state=x&client_id=someone-else",
      status: [400],
      body: /sign-in page/,
    },
    { method: "get", url: "/api/digest/confirm", status: [400], body: /does not work/ },
    { method: "get", url: `/api/digest/confirm?token=${huge}`, status: [400], body: /not work/ },
    { method: "post", url: "/api/digest/confirm", status: [400], body: /does not work/ },
    { method: "post", url: `/api/digest/confirm?token=${huge}`, status: [400], body: /not work/ },
    { method: "post", url: "/api/digest/unsubscribe", status: [400], body: /does not work/ },
    { method: "get", url: "/api/digest/unsubscribe?token=a.b.c", status: [400], body: /not work/ },
    { method: "get", url: "/api/cron/vendor-digest", status: [401], body: /Unauthorized/ },
    // Signed out: the proxy sends the visitor to sign in (or the route answers 401).
    { method: "get", url: "/inventory/view", status: [307, 401], body: /.*/ },
    { method: "get", url: "/inventory/view?fresh=%ff", status: [307, 401], body: /.*/ },
    {
      method: "get",
      url: "/api/auth/callback/bungie?code=forged&state=forged",
      status: [302, 303, 307],
      body: /.*/,
    },
    { method: "get", url: "/api/auth/callback/bungie", status: [302, 303, 307], body: /.*/ },
    {
      method: "post",
      url: "/api/auth/signin/bungie",
      status: [302, 303, 307],
      body: /.*/,
    },
  ];
  for (const { method, url, status, body } of checks) {
    const response = await request[method](url, { maxRedirects: 0 });
    expect(status, `${method} ${url.slice(0, 60)}`).toContain(response.status());
    expect(await response.text(), url.slice(0, 60)).toMatch(body);
  }
  // A forged Auth.js callback lands on our sign-in page with a message, not an error page.
  const forged = await request.get("/api/auth/callback/bungie?code=forged&state=forged", {
    maxRedirects: 0,
  });
  expect(forged.headers()["location"]).toMatch(/^(http:\/\/localhost:\d+)?\/signin\?error=/);
});

test("pages with malformed parameters show a message, not a server error", async ({
  page,
  request,
}) => {
  await sandboxControl(request, "reset");
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  for (const url of [
    "/clan/member/abc/xyz",
    "/clan/member/3/99999999999999999999999",
    `/clan/member/3/${huge.slice(0, 200)}`,
    "/outbox/not-an-id",
    "/signin?callbackUrl=%00%ff",
    "/signin?error=%3Cscript%3E",
  ]) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBeLessThan(500);
    await expect(page.getByRole("main"), url).toBeVisible();
    await expect(page.getByText("Application error"), url).toHaveCount(0);
  }
});
