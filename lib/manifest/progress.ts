// Progress of an import, for a callback (the CLI draws it) and for log lines: a 150 MB table
// takes a while, and a silent deploy step looks hung.
import { log } from "@/lib/log";
import type { ManifestTableName } from "./types";

export type ImportProgress = {
  table: ManifestTableName;
  /** 1-based position of the table in this import, and how many tables it has. */
  tableNumber: number;
  tableCount: number;
  rows: number;
  bytes: number;
  /** From Content-Length; null when the server did not say (or compressed the body). */
  totalBytes: number | null;
  /** 0..1 within this table, or null when totalBytes is unknown. */
  fraction: number | null;
  done: boolean;
};

export type ManifestLogger = (line: string) => void;

/** The server's structured log (lib/log), as `manifest` events with the line in `message`. */
export const consoleManifestLogger: ManifestLogger = (line) =>
  log.info("manifest", { message: line });

const ROW_STEP = 25_000;

/**
 * Turns progress events into a log line per table every 10% (or every 25,000 rows when the
 * size is unknown), plus one when the table is done.
 */
export function progressLogger(log: ManifestLogger): (progress: ImportProgress) => void {
  let lastTable: string | undefined;
  let lastStep = 0;
  return (p) => {
    if (p.table !== lastTable) {
      lastTable = p.table;
      lastStep = 0;
    }
    const where = `${p.table} (${p.tableNumber}/${p.tableCount})`;
    if (p.done) {
      log(`${where}: ${p.rows.toLocaleString("en")} rows, ${megabytes(p.bytes)} done`);
      return;
    }
    const step = p.fraction === null ? Math.floor(p.rows / ROW_STEP) : Math.floor(p.fraction * 10);
    // 100% is said by the "done" line that follows.
    if (step <= lastStep || (p.fraction !== null && step >= 10)) return;
    lastStep = step;
    const amount =
      p.fraction === null
        ? `${p.rows.toLocaleString("en")} rows`
        : `${step * 10}% (${megabytes(p.bytes)} of ${megabytes(p.totalBytes ?? 0)}, ${p.rows.toLocaleString("en")} rows)`;
    log(`${where}: ${amount}`);
  };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
