// A plain Node process on the app's database module (lib/db.ts: Prisma over its driver adapter,
// plus the raw driver pool beside it), as `npm run digest` and `npm run manifest` are. It runs
// a query on both, says "ready", waits for a line on stdin (the test kills its connections
// meanwhile), queries both again and says "survived". An unhandled "error" event from a pool
// would end it before that, with exit code 1.
//
//   tsx --conditions=react-server tests/integration/faults/db-process.ts <postgres url>
import { once } from "node:events";
import { createDb } from "../../../lib/db";
import { rawExecuteOf } from "../../../lib/db/raw-execute";

const db = createDb(process.argv[2]!);
const raw = rawExecuteOf(db)!;
await db.$queryRaw`SELECT 1`;
await raw("SELECT 1", []);
process.stdout.write("ready\n");
await once(process.stdin, "data");
// Let the pools see their connections die before using them again.
await new Promise((resolve) => setTimeout(resolve, 500));
await db.$queryRaw`SELECT 1`;
await raw("SELECT 1", []);
process.stdout.write("survived\n");
await db.$disconnect();
process.exit(0);
