// A throwaway PostgreSQL schema per test file, so files can run in parallel on one database.
import pg from "pg";

export const POSTGRES_TEST_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function checkPostgres(): Promise<{ ok: boolean; url: string; error?: string }> {
  const client = new pg.Client({
    connectionString: POSTGRES_TEST_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("select 1");
    return { ok: true, url: POSTGRES_TEST_URL };
  } catch (error) {
    return {
      ok: false,
      url: POSTGRES_TEST_URL,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty schema and returns a DATABASE_URL that points Prisma at it. */
export async function createTestSchema(
  prefix = "t",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  await client.query(`create schema "${schema}"`);
  await client.end();
  const url = `${POSTGRES_TEST_URL}?schema=${schema}`;
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_TEST_URL });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}
