// Wraps Prisma's driver adapter so that every connection failure, whatever the driver or query,
// reaches the app as one typed DatabaseUnavailableError (Prisma passes errors thrown by an adapter
// through unchanged), and every answer and failure is reported to health.ts. Other errors (a
// unique violation, a missing table) pass through untouched, for Prisma to map as usual.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { noteDatabaseDown, noteDatabaseOk } from "./health";
import { DatabaseUnavailableError, isConnectionFailure } from "./unavailable";

export function guardAdapterFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return guarded(factory, ["connect", "connectToShadowDb"]);
}

// The methods that talk to the database, per object; what they resolve to is guarded as well.
const TALKS: Record<string, readonly string[]> = {
  adapter: ["queryRaw", "executeRaw", "executeScript", "startTransaction"],
  transaction: [
    "queryRaw",
    "executeRaw",
    "commit",
    "rollback",
    "createSavepoint",
    "rollbackToSavepoint",
    "releaseSavepoint",
  ],
};

function guarded<T extends object>(target: T, methods: readonly string[]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (typeof property !== "string" || !methods.includes(property)) return fn.bind(object);
      return (...args: unknown[]) => settle(property, () => fn.apply(object, args));
    },
  });
}

async function settle(method: string, call: () => unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (!isConnectionFailure(error)) {
      noteDatabaseOk(); // the database answered, with an error of the query's own
      throw error;
    }
    const outage = new DatabaseUnavailableError(error);
    noteDatabaseDown(outage);
    throw outage;
  }
  // A factory's connect() only builds a pool: not an answer from the database yet.
  if (method === "connect" || method === "connectToShadowDb") {
    return guarded(result as SqlDriverAdapter, TALKS.adapter!);
  }
  noteDatabaseOk();
  if (method === "startTransaction") return guarded(result as Transaction, TALKS.transaction!);
  return result;
}
