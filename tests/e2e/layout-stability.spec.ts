import { expect, test, type Page } from "@playwright/test";
import { sandboxControl, signInAs } from "./support";

// Every signed-in page holds still while it loads: no layout shift as the streamed page replaces
// its skeleton and hydrates, and never, not even for one frame, wider than the phone. Both went
// wrong once: `contain-intrinsic-size: auto 720px` gave the inventory's off-screen groups a
// 720 px width until first rendered, so Chromium widened the phone's layout viewport and the whole
// page jumped back (a layout shift of 0.49, most of Lighthouse's score), and the vendors'
// skeleton's row of pills was wider than a phone. On a phone, with the CPU slowed down as
// Lighthouse does, so that the skeleton, the streamed page and hydration are separate frames.
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  // The real scale: the full vault and a full clan.
  await sandboxControl(request, "reset", { fullVault: true, clanSize: 100 });
});

test.afterAll(async ({ request }) => {
  await sandboxControl(request, "reset");
});

/** Records layout shifts and the widest layout viewport, every frame from the first. */
async function watchLayout(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: string[]; __cls: number; __widest: number };
    w.__shifts = [];
    w.__cls = 0;
    w.__widest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        w.__cls += entry.value;
        const nodes = (entry.sources ?? []).map((s) =>
          s.node instanceof Element ? `${s.node.tagName} ${s.node.className}` : "?",
        );
        w.__shifts.push(`${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${nodes}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
    const frame = () => {
      w.__widest = Math.max(w.__widest, window.innerWidth);
      if (performance.now() < 15_000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

test("every signed-in page loads without shifting or growing sideways", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, /Aurora Vale/);
  await expect(page).toHaveURL(/\/account$/);
  const member = await page.request
    .get("/clan")
    .then((r) => r.text())
    .then((html) => html.match(/\/clan\/member\/\d+\/\d+/)?.[0]);
  expect(member, "a clan member's page to visit").toBeTruthy();

  const phone = testInfo.project.name === "phone";
  const cdp = await page.context().newCDPSession(page);
  if (phone) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await watchLayout(page);
  const viewport = page.viewportSize()?.width ?? 0;
  const paths = [
    "/account",
    "/account/platform",
    "/inventory",
    "/loadouts",
    "/loadouts/saved",
    "/vendors",
    "/clan",
    member!,
    "/settings/digest",
    "/outbox",
  ];
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page.locator("main h1").first()).toBeVisible();
    // Past the page's own deferred work (the vault's lazy chunks, "Updated just now").
    await page.waitForTimeout(1_000);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __shifts: string[]; __cls: number; __widest: number };
      return { cls: w.__cls, shifts: w.__shifts, widest: w.__widest };
    });
    if (seen.widest > viewport)
      problems.push(
        `${path}: the layout viewport grew to ${seen.widest} px (phone is ${viewport})`,
      );
    // 0.01 is a tenth of what Lighthouse calls good: what is left is rounding, not a jump.
    if (seen.cls > 0.01)
      problems.push(`${path}: layout shift ${seen.cls.toFixed(3)} (${seen.shifts.join("; ")})`);
  }
  if (phone) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(problems).toEqual([]);
});
