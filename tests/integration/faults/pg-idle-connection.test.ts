import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { POSTGRES_TEST_URL } from "../../support/postgres";

const root = path.resolve(import.meta.dirname, "../../..");

// PostgreSQL ends idle connections on a restart, a failover or pg_terminate_backend. A pool
// without an "error" listener turns that into an uncaught exception: Next's server survives it,
// a command (`npm run digest`, `npm run manifest`, scripts/db.ts) dies.
describe("a database connection killed while idle", () => {
  it("does not end a plain Node process that uses the app's db module", async () => {
    const name = `warmind_idle_${process.pid}_${Date.now()}`;
    const url = new URL(POSTGRES_TEST_URL);
    url.searchParams.set("application_name", name);
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/integration/faults/db-process.ts", url.toString()],
      { cwd: root, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

    await expect.poll(() => stdout, { timeout: 20_000 }).toContain("ready");
    const admin = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await admin.connect();
    const killed = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      [name],
    );
    await admin.end();
    // Prisma's pool and the raw driver's pool each held one idle connection.
    expect(killed.rowCount).toBe(2);

    child.stdin.write("go\n");
    const code = await exited;
    expect(stderr).not.toMatch(/uncaught|unhandled/i);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("survived");
    // Each lost connection is one structured warning, not a crash.
    const lost = stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { event: string; level: string });
    expect(lost.filter((l) => l.event === "db.idle_connection_lost")).toHaveLength(2);
  }, 40_000);
});
