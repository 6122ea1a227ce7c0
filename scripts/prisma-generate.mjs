// Generates the Prisma client. Prisma's CLI wants to download a native schema engine even for
// `generate`, which needs none; these machines (and many CI runners) cannot download it, so we
// point it at a no-op binary for this command only. Never use that for migrations: they would
// "succeed" and apply nothing (see scripts/db.ts for how migrations run).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.platform === "win32" ? "cmd.exe" : "/bin/true",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
