import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { InventoryView, ItemView } from "../../lib/guardian/view-types";
import { revealTile } from "./inventory-state";
import { sandboxControl, signInAs } from "./support";

// A demo that is safe to put on the internet (issue 13 item 5): a plain `npm start` serves none
// of the sandbox's control API, and two visitors who both sign in as Aurora Vale get copies of
// her account of their own, so neither sees nor changes what the other does.
test.describe.configure({ mode: "serial" });

const CONTROL_PATHS = [
  "/sandbox/__sandbox/tokens?user=demo",
  "/sandbox/__sandbox/users",
  "/sandbox/__sandbox/state?user=demo",
  "/sandbox/__sandbox/stats",
  "/sandbox/__sandbox/config",
  "/sandbox/__sandbox",
];
const CONTROL_ACTIONS = [
  "reset",
  "token",
  "tokens/revoke",
  "maintenance",
  "hang",
  "clock",
  "manifest",
  "players",
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` as a host would run it (scripts/start.mjs: env check, migrations, `next start`),
 * with a fresh embedded database and no SANDBOX_CONTROL, on the build the suite's server uses
 * (`--no-build`: never rebuild that folder under the running server).
 */
async function startPlainServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const data = mkdtempSync(path.join(tmpdir(), "warmind-plain-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    APP_URL: url,
    DATABASE_URL: `pglite:${path.join(data, "db")}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.SANDBOX_CONTROL;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    env,
    stdio: "ignore",
    detached: true,
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const close = async () => {
    if (!exited && child.pid !== undefined) {
      const done = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([done, new Promise((r) => setTimeout(r, 5_000))]);
      if (!exited) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(data, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) {
        return { url, close };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await close();
  throw new Error("the plain server did not start");
}

test.describe("a plain npm start", () => {
  let server: Awaited<ReturnType<typeof startPlainServer>>;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startPlainServer();
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test("answers 404 to every control path, and hands no token to another origin", async ({
    playwright,
  }) => {
    const api = await playwright.request.newContext({ baseURL: server.url });
    for (const url of CONTROL_PATHS) {
      for (const method of ["get", "post"] as const) {
        const response = await api[method](url, { data: method === "post" ? {} : undefined });
        expect(response.status(), `${method} ${url}`).toBe(404);
        expect(await response.text()).not.toMatch(/access_token|refresh_token/);
      }
    }
    for (const action of CONTROL_ACTIONS) {
      const response = await api.post(`/sandbox/__sandbox/${action}`, {
        data: { user: "demo", enabled: true, count: 1, largeItemTableMb: 1 },
      });
      expect(response.status(), action).toBe(404);
    }
    // The demo itself works: the consent page is served.
    const consent = await api.get(
      "/sandbox/en/OAuth/Authorize?client_id=sandbox-client&response_type=code&state=s",
    );
    expect(consent.status()).toBe(200);
    expect(await consent.text()).toContain("Aurora Vale");
    // The token endpoint lets no other origin read its answers.
    const preflight = await api.fetch("/sandbox/Platform/App/OAuth/token/", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();
    const token = await api.post("/sandbox/Platform/App/OAuth/token/", {
      headers: { Origin: "https://evil.example" },
      form: {
        grant_type: "authorization_code",
        code: "guess",
        client_id: "sandbox-client",
        client_secret: "sandbox-secret",
      },
    });
    expect(token.status()).toBe(400);
    expect(token.headers()["access-control-allow-origin"]).toBeUndefined();
    await api.dispose();
  });

  test("lets one network make 20 new demo copies an hour, then says when to come back", async ({
    playwright,
  }) => {
    // A script without cookies: every approval from a new browser would be a new copy of Aurora
    // Vale, and 200 of them fill the demo for everyone. The network is the X-Forwarded-For the
    // host in front of the app sets (here the request's own header: no proxy in front).
    const approve = async (forwardedFor?: string) => {
      const api = await playwright.request.newContext({
        baseURL: server.url,
        extraHTTPHeaders: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
      });
      const response = await api.post("/sandbox/en/OAuth/Authorize", {
        form: {
          client_id: "sandbox-client",
          response_type: "code",
          state: "s",
          account: "demo",
          decision: "approve",
        },
        maxRedirects: 0,
      });
      const result = {
        status: response.status(),
        retryAfter: response.headers()["retry-after"],
        text: await response.text(),
      };
      await api.dispose();
      return result;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await approve("198.51.100.77")).status);
    expect(statuses).toEqual(Array<number>(20).fill(302));
    const refused = await approve("198.51.100.77");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(3_500);
    expect(refused.text).toContain("Too many new demo accounts from your network");
    // Another network, and this machine itself, are not held back.
    expect((await approve("203.0.113.5")).status).toBe(302);
    expect((await approve()).status).toBe(302);
  });
});

async function viewOf(page: Page): Promise<InventoryView> {
  const response = await page.request.get("/inventory/view?fresh=1");
  expect(response.ok()).toBe(true);
  return (await response.json()) as InventoryView;
}

/** Where every item is, as the page's data says. */
function places(view: InventoryView): Record<string, string> {
  return Object.fromEntries(
    view.items.map((i: ItemView) => [i.key, `${i.location}:${i.ownerCharacterId ?? ""}`]),
  );
}

test("two visitors signed in as Aurora Vale never see each other's data", async ({
  page,
  browser,
  request,
}, testInfo) => {
  await sandboxControl(request, "reset");
  const email = `visitor-a.${testInfo.project.name}@example.com`;

  // Visitor A, then visitor B in a browser of their own: both pick Aurora Vale.
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  // The control API's "demo" is the copy a visitor signed in to last: A's, for now.
  const { bungieNetMembershipId: aId } = (await (
    await request.get("/sandbox/__sandbox/state?user=demo")
  ).json()) as { bungieNetMembershipId: string };
  const viewport = page.viewportSize();
  const other = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    ...(viewport ? { viewport } : {}),
  });
  const b = await other.newPage();
  await signInAs(b, /Aurora Vale/);
  await expect(b).toHaveURL(/\/account$/);
  const { bungieNetMembershipId: bId } = (await (
    await request.get("/sandbox/__sandbox/state?user=demo")
  ).json()) as { bungieNetMembershipId: string };
  for (const visitor of [page, b]) {
    await expect(visitor.getByRole("banner").getByTestId("bungie-name")).toHaveText(
      "Aurora Vale#4821",
    );
  }

  // A types an email address for the digest: B never sees it.
  await page.goto("/settings/digest");
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByRole("button", { name: "Save and confirm my address" }).click();
  await expect(page.getByTestId("digest-status")).toHaveAttribute("data-status", "pending");
  await b.goto("/settings/digest");
  await expect(b.getByTestId("digest-status")).toHaveAttribute("data-status", "none");
  await expect(b.getByRole("textbox", { name: "Email address" })).toHaveValue("");
  expect(await b.content()).not.toContain(email);
  await b.goto("/outbox");
  expect(await b.content()).not.toContain(email);

  // A moves a weapon from the vault to a character: B's inventory does not change.
  const before = places(await viewOf(b));
  await page.goto("/inventory");
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Inventory refreshed" })).toBeVisible();
  const heading = page.getByRole("heading", { name: /^Your (Hunter|Titan|Warlock)/ });
  const className = /Your (\w+)/.exec((await heading.textContent()) ?? "")![1]!;
  const view = await viewOf(page);
  const item = view.items.find(
    (i) =>
      i.location === "vault" &&
      i.bucketHash === 2465295065 &&
      i.rarity === 5 &&
      i.uniqueLabel === null,
  )!;
  await (await revealTile(page, item.itemInstanceId!)).click();
  await page
    .getByTestId("item-sheet")
    .getByRole("button", { name: `Move to ${className}` })
    .click();
  await expect(page.getByTestId("action-status")).toContainText(`Moved ${item.name} to your`);
  expect(places(await viewOf(page))[item.key]).not.toBe(before[item.key]);
  expect(places(await viewOf(b))).toEqual(before);

  // The sandbox agrees: two accounts, and the weapon moved in A's copy only.
  expect(aId).toMatch(/^\d+$/);
  expect(bId).toMatch(/^\d+$/);
  expect(bId).not.toBe(aId);
  const whereIn = async (user: string) => {
    const { profiles } = (await (
      await request.get(`/sandbox/__sandbox/state?user=${user}`)
    ).json()) as { profiles: { items: { itemInstanceId?: string; where: string }[] }[] };
    return profiles.flatMap((p) => p.items).find((i) => i.itemInstanceId === item.itemInstanceId)
      ?.where;
  };
  expect(await whereIn(aId)).toMatch(/^inventory:/);
  expect(await whereIn(bId)).toBe("vault");
  expect(await whereIn("original:demo")).toBe("vault");
  await page.screenshot({
    path: testInfo.outputPath(`visitor-a-${testInfo.project.name}.png`),
    fullPage: true,
  });
  await other.close();
});
