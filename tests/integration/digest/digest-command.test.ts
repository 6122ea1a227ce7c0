// `npm run digest` as a self-hoster runs it from their own cron: a separate process, the
// embedded database (PGlite) in a data directory, the server stopped, Bungie configured (here a
// standalone sandbox standing in for Bungie.net), mail through SMTP.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSubscription } from "@/lib/digest/subscription";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import {
  releaseSandboxAndDatabase,
  signInPlayer,
  useSandboxAndDatabase,
} from "../vendors/sandbox-player";
import { startSmtpServer } from "./local-mail-servers";

const SECRET = "digest-command-secret".padEnd(40, "q");
const root = path.resolve(import.meta.dirname, "../../..");

function runDigest(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/digest.ts"], {
      cwd: root,
      // Only what a self-hoster would set: nothing from the test process leaks in.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The run's report: the JSON object the command prints last (manifest progress comes first). */
function reportOf(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.slice(stdout.lastIndexOf("\n{\n") + 1)) as Record<string, unknown>;
}

describe("npm run digest", () => {
  let server: SandboxServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startSandboxServer();
    smtp = await startSmtpServer();
    dataDir = await mkdtemp(path.join(tmpdir(), "warmind-digest-"));
    env = {
      DATABASE_URL: `pglite:${dataDir}`,
      AUTH_SECRET: SECRET,
      BUNGIE_ORIGIN: server.url,
      BUNGIE_API_KEY: DEMO_BUNGIE_APP.apiKey,
      BUNGIE_CLIENT_ID: DEMO_BUNGIE_APP.clientId,
      BUNGIE_CLIENT_SECRET: DEMO_BUNGIE_APP.clientSecret,
      SMTP_URL: smtp.url,
      EMAIL_FROM: "Warmind <digest@warmind.test>",
      // Nothing listens here: the server is stopped.
      APP_URL: "http://127.0.0.1:9",
    };

    // What the app left in the embedded database: a signed-in, confirmed subscriber.
    const adapter = openAdapter(env.DATABASE_URL!);
    await applyMigrations(adapter.factory);
    const db = new PrismaClient({ adapter: adapter.factory });
    try {
      useSandboxAndDatabase(server, db);
      const userId = await signInPlayer(server, db, "demo", SECRET);
      const { subscription } = await saveSubscription(
        db,
        userId,
        {
          email: "demo@example.com",
          filters: ["weapon"],
          vendorHashes: [],
          characterId: null,
        },
        "smtp",
      );
      await db.digestSubscription.update({
        where: { id: subscription.id },
        data: { confirmedAt: new Date(), confirmedVia: "smtp" },
      });
    } finally {
      releaseSandboxAndDatabase();
      await db.$disconnect();
      await adapter.close();
    }
  });

  afterAll(async () => {
    await smtp?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("sends now, then nothing more in the same reset", async () => {
    const first = await runDigest(env);
    expect(first.stderr).not.toMatch(/server-only|react-dom\/server/);
    expect(first.code).toBe(0);
    expect(reportOf(first.stdout)).toMatchObject({
      subscribers: 1,
      sent: 1,
      failed: 0,
      transport: "smtp",
    });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(["demo@example.com"]);
    expect(smtp.messages[0]!.text).toContain("BANSHEE-44");
    expect(smtp.messages[0]!.headers.get("list-unsubscribe")).toMatch(
      /^<http:\/\/127\.0\.0\.1:9\/api\/digest\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
    );

    const second = await runDigest(env);
    expect(second.code).toBe(0);
    expect(reportOf(second.stdout)).toMatchObject({ subscribers: 1, sent: 0, skipped: 1 });
    expect(smtp.messages).toHaveLength(1);
  }, 120_000);

  it("migrates a database that has never been started, then finds no one to send to", async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), "warmind-digest-fresh-"));
    try {
      const result = await runDigest({ ...env, DATABASE_URL: `pglite:${fresh}` });
      expect(result.stderr).not.toMatch(/does not exist/);
      expect(result.code).toBe(0);
      expect(reportOf(result.stdout)).toMatchObject({ subscribers: 0, sent: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to open the embedded database while the server holds it", async () => {
    const health = createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = health.address() as AddressInfo;
      const result = await runDigest({ ...env, APP_URL: `http://127.0.0.1:${port}` });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("PGlite lets one process at a time open it");
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => health.close(() => resolve()));
    }
  }, 60_000);
});
