import { describe, expect, it } from "vitest";
import { progressLogger, type ImportProgress } from "@/lib/manifest/progress";

const base: ImportProgress = {
  table: "DestinyInventoryItemDefinition",
  tableNumber: 12,
  tableCount: 12,
  rows: 0,
  bytes: 0,
  totalBytes: 100 * 2 ** 20,
  fraction: 0,
  done: false,
};

describe("progressLogger", () => {
  it("logs a table every 10% up to 90%, then once when it is done", () => {
    const lines: string[] = [];
    const log = progressLogger((l) => lines.push(l));
    for (let percent = 1; percent <= 100; percent += 1) {
      const bytes = percent * 2 ** 20;
      log({ ...base, bytes, rows: percent * 500, fraction: percent / 100 });
    }
    log({ ...base, bytes: 100 * 2 ** 20, rows: 50_000, fraction: 1, done: true });
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      "DestinyInventoryItemDefinition (12/12): 10% (10.0 MB of 100.0 MB, 5,000 rows)",
    );
    expect(lines[8]).toBe(
      "DestinyInventoryItemDefinition (12/12): 90% (90.0 MB of 100.0 MB, 45,000 rows)",
    );
    expect(lines[9]).toBe("DestinyInventoryItemDefinition (12/12): 50,000 rows, 100.0 MB done");
  });

  it("counts rows when the size is unknown", () => {
    const lines: string[] = [];
    const log = progressLogger((l) => lines.push(l));
    for (let rows = 500; rows <= 60_000; rows += 500) {
      log({ ...base, rows, totalBytes: null, fraction: null });
    }
    expect(lines).toEqual([
      "DestinyInventoryItemDefinition (12/12): 25,000 rows",
      "DestinyInventoryItemDefinition (12/12): 50,000 rows",
    ]);
  });
});
