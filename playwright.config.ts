import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in Debian's Chromium (Playwright's own browser download does not work on
// machines without internet access) against a production build in demo mode, with a fresh
// embedded database per run.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
/** Shared with tests/e2e/digest.spec.ts, which calls the cron route as Vercel Cron does. */
export const E2E_CRON_SECRET = "e2e-cron-secret-not-for-production";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: chromiumArgs,
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: "test-results/e2e-report", open: "never" }]],
  use: {
    baseURL,
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions },
    },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      DATABASE_URL: `pglite:.data/e2e-${Date.now()}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The digest's cron route runs only with a secret (tests/e2e/digest.spec.ts calls it).
      CRON_SECRET: E2E_CRON_SECRET,
      // The specs drive the demo sandbox through its control API (reset, faults, the state of
      // an account); a plain `npm start` serves none of it (tests/e2e/public-demo.spec.ts).
      SANDBOX_CONTROL: "1",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    },
  },
});
