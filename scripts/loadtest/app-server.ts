// A production build of Warmind in demo mode, started the way `npm start` does
// (scripts/start.mjs: migrate, build when stale, `next start`), on its own port, build folder
// and fresh embedded database, with its log kept for the report's unhandled-error check.
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type AppServer = {
  url: string;
  distDir: string;
  logFile: string;
  close: () => Promise<void>;
};

const STARTUP_TIMEOUT_MS = 300_000;

export async function startAppServer(
  root: string,
  port: number,
  distDir: string,
): Promise<AppServer> {
  const url = `http://localhost:${port}`;
  const work = mkdtempSync(path.join(tmpdir(), "warmind-loadtest-"));
  const logFile = path.join(work, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: url,
      DATABASE_URL: `pglite:${path.join(work, "db")}`,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // The load test sets latency, generates players and checks their accounts through the
      // demo sandbox's control API, which a plain `npm start` does not serve.
      SANDBOX_CONTROL: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on("exit", () => (exited = true));

  const close = async () => {
    if (exited || child.pid === undefined) return;
    const done = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([done, new Promise((r) => setTimeout(r, 5_000))]);
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `the app server exited during startup:\n${readFileSync(logFile, "utf8").slice(-3000)}`,
      );
    try {
      const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (health.ok) return { url, distDir: path.join(root, distDir), logFile, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await close();
  throw new Error(
    `the app server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000} s`,
  );
}
