// Prisma CLI configuration. Only `prisma generate` uses it here: migrations are applied by
// scripts/db.ts through Prisma's WASM schema engine, so no native engine is ever downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
