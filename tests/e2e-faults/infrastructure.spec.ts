import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { FAULTS_CONTROL_URL, FAULTS_SERVER_LOG } from "../../playwright.faults.config";
import { firstMovable, move, placements, shownPlacements } from "../e2e/inventory-state";
import { expectNoSidewaysScroll, sandboxControl, signInAs } from "../e2e/support";

// Our own infrastructure failing under a signed-in player: PostgreSQL and Redis are reached
// through fault proxies (tests/support/fault-proxy-server.ts) that these tests switch. The
// player must see what is happening, lose nothing, and find everything working again when the
// service is back, with no restart of the app.
test.describe.configure({ mode: "serial" });

const OUTAGE = /Warmind cannot reach its database right now; your session is safe/;

async function fault(service: "postgres" | "redis", what: "pass" | "refuse" | "hang" | "cut") {
  const response = await fetch(`${FAULTS_CONTROL_URL}/${service}/${what}`, { method: "POST" });
  expect(response.ok, `${service} ${what}`).toBe(true);
}

/** The server's JSON log lines written after `from` (a byte offset of the log file). */
function logSince(from: number): { event?: string; level?: string; requestId?: string }[] {
  const text = readFileSync(FAULTS_SERVER_LOG, "utf8").slice(from);
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => {
      try {
        return JSON.parse(line) as { event?: string };
      } catch {
        return {};
      }
    });
}
const logSize = () => readFileSync(FAULTS_SERVER_LOG, "utf8").length;
const count = (lines: { event?: string }[], event: string) =>
  lines.filter((l) => l.event === event).length;

async function signedIn(page: Page) {
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("bungie-name")).toHaveText(/Aurora Vale/);
}

test.beforeEach(async ({ request }) => {
  await fault("postgres", "pass");
  await fault("redis", "pass");
  await sandboxControl(request, "reset");
});

test.afterEach(async () => {
  await fault("postgres", "pass");
  await fault("redis", "pass");
});

test("database outage during a page view: the 503 outage page, never sign-in; then it recovers by itself", async ({
  page,
}, testInfo) => {
  await signedIn(page);
  const mark = logSize();

  await fault("postgres", "refuse");
  // The first view may be the one that finds the database gone, while its page is being made:
  // it says so inside the page. Never the sign-in page.
  await page.goto("/inventory");
  expect(page.url()).not.toContain("/signin");
  await expect(page.getByRole("main")).toContainText(OUTAGE);
  // From then on this instance knows: /api/health says so, and page views get the 503 page.
  await expect
    .poll(async () => (await page.request.get("/api/health")).status(), { timeout: 10_000 })
    .toBe(503);
  for (const url of ["/inventory", "/account", "/vendors"]) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(503);
    expect(response!.headers()["retry-after"], url).toMatch(/^\d+$/);
    expect(page.url(), url).not.toContain("/signin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/cannot reach its database/i);
    await expect(page.getByRole("main")).toContainText(OUTAGE);
    await expectNoSidewaysScroll(page);
  }
  await page.screenshot({ path: testInfo.outputPath("database-outage.png"), fullPage: true });

  // Route handlers answer 503 JSON; /api/health says which service is away.
  const session = await page.request.get("/api/auth/session");
  expect(session.status()).toBe(503);
  expect(await session.json()).toMatchObject({ error: "database-unavailable" });
  const view = await page.request.get("/inventory/view?fresh=1");
  expect(view.status()).toBe(503);
  expect((await view.json()).message).toMatch(OUTAGE);
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ ok: false, database: { ok: false } });

  // Back: the same session works again, without signing in and without a restart.
  await fault("postgres", "pass");
  await expect
    .poll(async () => (await page.request.get("/api/health")).status(), { timeout: 20_000 })
    .toBe(200);
  const back = await page.goto("/inventory");
  expect(back!.status()).toBe(200);
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByTestId("bungie-name")).toHaveText(/Aurora Vale/);

  // One line when it went, one when it came back, however many requests noticed.
  const lines = logSince(mark);
  expect(count(lines, "db.unavailable")).toBe(1);
  expect(count(lines, "db.recovered")).toBe(1);
  expect(lines.find((l) => l.event === "db.unavailable")?.level).toBe("error");
});

test("database outage during a move: the move is refused with the outage message and nothing changes; after recovery the app shows the sandbox's state", async ({
  page,
  request,
}) => {
  await signedIn(page);
  const item = await firstMovable(request);
  const before = await placements(request);

  await fault("postgres", "refuse");
  const refused = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
  expect(refused?.status).toBe("error");
  expect(String(refused?.message)).toMatch(OUTAGE);
  expect(await placements(request)).toEqual(before);

  await fault("postgres", "pass");
  await expect
    .poll(async () => (await page.request.get("/api/health")).status(), { timeout: 20_000 })
    .toBe(200);
  expect(await shownPlacements(page)).toEqual(await placements(request));

  // And the same move now goes through, recorded where the sandbox has it.
  const moved = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
  expect(moved?.status).toBe("ok");
  const after = await placements(request);
  expect(after).toEqual(new Map(before).set(item.id, "vault"));
  expect(await shownPlacements(page)).toEqual(after);
});

test("database outage during sign-in: a clear message on the sign-in page; signing in works once it is back", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Bungie" }).click();
  await page.waitForURL(/\/sandbox\/en\/OAuth\/Authorize/i);
  await page.getByRole("radio", { name: /Aurora Vale/ }).check();

  await fault("postgres", "refuse");
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/\/signin\?error=DatabaseUnavailable/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    /cannot reach its database/i,
  );
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    /sign in again in a moment/i,
  );

  await fault("postgres", "pass");
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("bungie-name")).toHaveText(/Aurora Vale/);
});

test("Redis lost and back: logged once each, shown in /api/health, pages and moves keep working", async ({
  page,
  request,
}) => {
  await signedIn(page);
  // The sandbox was reset behind the app's back: let the app read the profile afresh.
  expect(await shownPlacements(page)).toEqual(await placements(request));
  const mark = logSize();

  await fault("redis", "refuse");
  await expect.poll(() => count(logSince(mark), "redis.down"), { timeout: 15_000 }).toBe(1);
  const down = await page.request.get("/api/health");
  expect(down.status()).toBe(200);
  expect(await down.json()).toMatchObject({
    ok: true,
    database: { ok: true },
    redis: { configured: true, ok: false, limits: "per-instance" },
  });

  for (const url of ["/inventory", "/account", "/clan"]) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    await expect(page.getByTestId("bungie-name")).toHaveText(/Aurora Vale/);
  }
  const item = await firstMovable(request);
  const moved = await move(page, { intent: "move", itemKey: item.id, to: "vault" });
  expect(moved?.status, String(moved?.message)).toBe("ok");
  expect((await placements(request)).get(item.id)).toBe("vault");

  await fault("redis", "pass");
  await expect.poll(() => count(logSince(mark), "redis.up"), { timeout: 20_000 }).toBe(1);
  await expect
    .poll(async () => (await (await page.request.get("/api/health")).json()).redis, {
      timeout: 10_000,
    })
    .toMatchObject({ ok: true, limits: "shared" });
  const lines = logSince(mark);
  expect(count(lines, "redis.down")).toBe(1);
  expect(count(lines, "redis.up")).toBe(1);
});

test("server log lines are JSON with a request id and hold no token or email address", async ({
  page,
}) => {
  const mark = logSize();
  await signedIn(page);
  await fault("postgres", "refuse");
  await page.goto("/inventory");
  await fault("postgres", "pass");
  const text = readFileSync(FAULTS_SERVER_LOG, "utf8").slice(mark);
  const json = text.split("\n").filter((line) => line.startsWith("{"));
  expect(json.length).toBeGreaterThan(0);
  for (const line of json) {
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(record).slice(0, 3)).toEqual(["level", "time", "event"]);
  }
  // The outage was noticed while serving a page view: its line names the request.
  const outage = logSince(mark).find((l) => l.event === "db.unavailable");
  expect(outage?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
  expect(text).not.toMatch(/Bearer\s+[A-Za-z0-9]/);
});
