import { describe, expect, it } from "vitest";
import { streamTableEntries } from "@/lib/manifest/stream-table";

/** A body delivered in small chunks, split anywhere (mid-string, mid-number, mid-UTF-8). */
function body(text: string, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, onBytes?: (n: number) => void) {
  const out: { key: string; value: unknown }[] = [];
  for await (const entry of streamTableEntries(stream, onBytes)) out.push(entry);
  return out;
}

describe("streamTableEntries", () => {
  const table = {
    "1": { hash: 1, displayProperties: { name: "Xûr — Agent of the Nine" }, list: [1, 2.5, -3e2] },
    "4294967295": { hash: 4294967295, nested: { deep: [{ a: null, b: true }] } },
  };

  it("yields each top-level definition, whole, whatever the chunking", async () => {
    const text = JSON.stringify(table);
    for (const size of [1, 3, 7, 4096]) {
      const seen: number[] = [];
      const entries = await collect(body(text, size), (n) => seen.push(n));
      expect(entries).toEqual(Object.entries(table).map(([key, value]) => ({ key, value })));
      expect(seen.at(-1)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it("rejects a body cut off mid-definition instead of ending quietly", async () => {
    const text = JSON.stringify(table);
    await expect(collect(body(text.slice(0, text.length - 20)))).rejects.toThrow(/Parser/);
  });

  it("rejects a body cut off between definitions", async () => {
    const text = JSON.stringify(table);
    await expect(collect(body(text.slice(0, text.indexOf(',"4294967295"') + 1)))).rejects.toThrow();
  });

  it("rejects something that is not a table (an HTML error page, an array)", async () => {
    await expect(collect(body("<html>Service Unavailable</html>"))).rejects.toThrow();
    await expect(collect(body("[1,2]"))).rejects.toThrow();
  });
});
