import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeLargeItemTable } from "@/sandbox/world/generate-large-items";

async function generate(targetBytes: number): Promise<{
  text: string;
  result: Awaited<ReturnType<typeof writeLargeItemTable>>;
  chunks: number;
}> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const result = await writeLargeItemTable(stream, { targetBytes });
  stream.end();
  return { text: Buffer.concat(chunks).toString("utf8"), result, chunks: chunks.length };
}

describe("large item table generator", () => {
  it("streams a JSON object keyed by hash of about the requested size, in many chunks", async () => {
    const { text, result, chunks } = await generate(3 * 1024 * 1024);
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(result.bytes).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    expect(result.bytes).toBeLessThan(3 * 1024 * 1024 + 200_000);
    expect(chunks).toBeGreaterThan(10);
    const table = JSON.parse(text) as Record<
      string,
      { hash: number; displayProperties: { name: string } }
    >;
    expect(Object.keys(table)).toHaveLength(result.items);
    for (const [key, def] of Object.entries(table)) expect(key).toBe(String(def.hash));
    // The sandbox's own items come first, so demo profiles still resolve.
    expect(Object.values(table).some((d) => d.displayProperties.name === "Gjallarhorn")).toBe(true);
    expect(Object.values(table).some((d) => d.displayProperties.name.includes("(Variant "))).toBe(
      true,
    );
  });

  it("is deterministic", async () => {
    const a = await generate(1024 * 1024);
    const b = await generate(1024 * 1024);
    expect(b.result.contentHash).toBe(a.result.contentHash);
    expect(b.text === a.text).toBe(true);
  });
});
