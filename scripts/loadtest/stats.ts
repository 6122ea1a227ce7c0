// Latency samples and error counts per request kind, and the report's table.

export class Stats {
  private readonly samples = new Map<string, number[]>();
  private readonly failures = new Map<string, Map<string, number>>();

  record(kind: string, ms: number) {
    const list = this.samples.get(kind) ?? [];
    list.push(ms);
    this.samples.set(kind, list);
  }

  fail(kind: string, reason: string) {
    const byReason = this.failures.get(kind) ?? new Map<string, number>();
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    this.failures.set(kind, byReason);
  }

  /** The samples of one kind, ascending. */
  sorted(kind: string): number[] {
    return [...(this.samples.get(kind) ?? [])].sort((a, b) => a - b);
  }

  get totalRequests(): number {
    let total = 0;
    for (const list of this.samples.values()) total += list.length;
    return total;
  }

  get totalErrors(): number {
    let total = 0;
    for (const reasons of this.failures.values()) for (const n of reasons.values()) total += n;
    return total;
  }

  errorList(): string[] {
    const lines: string[] = [];
    for (const [kind, reasons] of this.failures) {
      for (const [reason, n] of reasons) lines.push(`${kind}: ${n} × ${reason}`);
    }
    return lines;
  }

  table(seconds: number): string {
    const rows = [["kind", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"]];
    for (const [kind, list] of [...this.samples].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...list].sort((a, b) => a - b);
      let errors = 0;
      for (const n of this.failures.get(kind)?.values() ?? []) errors += n;
      rows.push([
        kind,
        String(sorted.length),
        (sorted.length / seconds).toFixed(1),
        percentile(sorted, 0.5).toFixed(0),
        percentile(sorted, 0.95).toFixed(0),
        percentile(sorted, 0.99).toFixed(0),
        (sorted.at(-1) ?? 0).toFixed(0),
        String(errors),
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    return rows
      .map((r) =>
        r
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join("  "),
      )
      .join("\n");
  }
}

/** Nearest-rank percentile of an ascending list (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}
