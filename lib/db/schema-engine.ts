// Prisma's official WASM schema engine, driven through a driver adapter.
//
// Why: Prisma's CLI downloads a native schema engine for `migrate`, which fails on machines
// without internet access (and some CI runners). The WASM build of the same engine ships in an
// npm package, reads the same `prisma/migrations` folder and writes the same
// `_prisma_migrations` table, so a database migrated here is indistinguishable from one
// migrated by `prisma migrate deploy`.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_DIR = path.join(PRISMA_DIR, "schema");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package's exports do not list the .wasm file; find it beside the JS glue.
    const file = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const bytes = await readFile(file);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export async function readSchemaFiles(): Promise<{ path: string; content: string }[]> {
  const names = (await readdir(SCHEMA_DIR)).filter((n) => n.endsWith(".prisma")).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(SCHEMA_DIR, name);
      return { path: file, content: await readFile(file, "utf8") };
    }),
  );
}

export async function readMigrations(): Promise<MigrationList> {
  let dirs: string[] = [];
  try {
    dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    dirs = [];
  }
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const content = await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8")
          .then((value) => ({ tag: "ok" as const, value }))
          .catch((error: unknown) => ({ tag: "error" as const, value: String(error) }));
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<SchemaEngine> {
  await loadWasm();
  const files = await readSchemaFiles();
  const engine = await glue.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  return engine;
}

/** Applies every migration in prisma/migrations that the database has not seen yet. */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory) {
  const engine = await openSchemaEngine(adapter);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes a database migrated with every existing migration to the current schema.
 * `adapter` must point at a database on which all migrations were just applied.
 */
export async function diffMigratedToSchema(
  adapter: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const engine = await openSchemaEngine(adapter);
  try {
    const files = await readSchemaFiles();
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: PRISMA_DIR },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
