// Runs once before the integration project. PostgreSQL is required in CI; on a developer
// machine without it, the PostgreSQL half of the suite is reported loudly, never silently passed.
import { checkPostgres } from "./postgres";

export default async function setup() {
  const status = await checkPostgres();
  if (!status.ok) {
    const message = `PostgreSQL at ${status.url} is unreachable (${status.error}).`;
    if (process.env.CI) throw new Error(`${message} CI requires it: .ci/run starts it.`);
    console.warn(
      `\n${"!".repeat(78)}\n!! ${message}\n!! The PostgreSQL integration tests will FAIL. Start it with:\n!!   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${"!".repeat(78)}\n`,
    );
  }
}
