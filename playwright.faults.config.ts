import { defineConfig, devices } from "@playwright/test";

// Our own infrastructure failing, end to end: a production build in demo mode on PostgreSQL and
// Redis, each reached through a fault-injecting TCP proxy (tests/support/fault-proxy-server.ts)
// that the tests cut, refuse, black-hole and restore. Separate from playwright.config.ts, whose
// runs keep their embedded database; `npm test` runs both.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const run = Date.now();
// The proxies' ports: four per app port, far from the app ports (3100, 3201, 3202...) that
// checkouts sharing a machine use, so that parallel runs never collide.
const proxyBase = 20_000 + (port % 1_000) * 4;
/** The proxies' control API. */
export const FAULTS_CONTROL_URL = `http://127.0.0.1:${proxyBase + 1}`;
const postgresProxy = proxyBase + 2;
const redisProxy = proxyBase + 3;
/** The app server's output, which the tests search for log lines (tee'd by the web server). */
export const FAULTS_SERVER_LOG = `test-results/faults-server-${port}.log`;
const schema = `e2e_faults_${port}_${run}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e-faults",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e-faults",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
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
  webServer: [
    {
      command: `node_modules/.bin/tsx tests/support/fault-proxy-server.ts --control ${proxyBase + 1} --postgres ${postgresProxy} --redis ${redisProxy} --schema ${schema}`,
      url: `${FAULTS_CONTROL_URL}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The server's output goes to a file as well, for the tests that count log lines.
      command: `mkdir -p test-results && node scripts/start.mjs 2>&1 | tee ${FAULTS_SERVER_LOG}`,
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        APP_URL: baseURL,
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${postgresProxy}/test?schema=${schema}`,
        REDIS_URL: `redis://127.0.0.1:${redisProxy}`,
        NEXT_TELEMETRY_DISABLED: "1",
        // The tests drive the demo world through the sandbox's control API (off by default).
        SANDBOX_CONTROL: "1",
        ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      },
    },
  ],
});
