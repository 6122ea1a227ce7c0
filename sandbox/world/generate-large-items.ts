// A very large DestinyInventoryItemDefinition table (~150 MB, like the real one) for
// benchmarking manifest importers. Written as a stream, item by item, never held in
// memory; deterministic for a given size. The sandbox's own items come first, so demo
// profiles still resolve against it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { getManifestDefinitions } from "./definitions";
import type { ItemDefinition } from "./definitions/items";
import { fnv1a } from "./prng";

export interface LargeTableResult {
  bytes: number;
  items: number;
  /** GUID-formatted sha1 of the bytes written. */
  contentHash: string;
}

async function write(
  stream: Writable,
  chunk: string,
  hash: ReturnType<typeof createHash>,
): Promise<number> {
  hash.update(chunk);
  if (!stream.write(chunk)) await once(stream, "drain");
  return Buffer.byteLength(chunk);
}

/**
 * Write a JSON object keyed by hash string to `stream` until about `targetBytes` are out.
 * Does not end the stream.
 */
export async function writeLargeItemTable(
  stream: Writable,
  options: { targetBytes: number },
): Promise<LargeTableResult> {
  const defs = getManifestDefinitions();
  const base = defs.tables.DestinyInventoryItemDefinition as Record<string, ItemDefinition>;
  const used = new Set(Object.keys(base).map(Number));
  const hash = createHash("sha1");
  let bytes = await write(stream, "{", hash);
  let items = 0;
  let buffer = "";
  const flush = async () => {
    if (buffer.length === 0) return;
    bytes += await write(stream, buffer, hash);
    buffer = "";
  };
  const emit = async (key: number, def: unknown) => {
    buffer += `${items === 0 ? "" : ","}"${key}":${JSON.stringify(def)}`;
    items++;
    // Batch small writes: one write per ~64 KB keeps the stream fast.
    if (buffer.length > 65_536) await flush();
  };
  for (const [key, def] of Object.entries(base)) await emit(Number(key), def);
  const templates = Object.values(base).filter((d) => d.itemType === 3 || d.itemType === 2);
  let index = Object.keys(base).length;
  let n = 0;
  while (bytes + buffer.length < options.targetBytes) {
    const template = templates[n % templates.length] as ItemDefinition;
    let itemHash = fnv1a(`large-table:${n}`);
    while (itemHash < 1_000_000 || used.has(itemHash)) itemHash = (itemHash + 0x9e3779b1) >>> 0;
    used.add(itemHash);
    const name = `${template.displayProperties.name} (Variant ${n + 1})`;
    await emit(itemHash, {
      ...template,
      displayProperties: {
        ...template.displayProperties,
        name,
        description: `${template.displayProperties.description} A synthetic variant for manifest benchmarks.`,
        icon: template.displayProperties.icon.replace(/-\d+\.png$/, `-${itemHash}.png`),
      },
      flavorText: `Variant ${n + 1} of ${template.displayProperties.name}. Every ${template.itemTypeDisplayName} tells a story.`,
      hash: itemHash,
      index: index++,
    });
    n++;
  }
  await flush();
  bytes += await write(stream, "}", hash);
  const hex = hash.digest("hex");
  return {
    bytes,
    items,
    contentHash: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
  };
}

/** The file this process generated last (reused files are not counted). */
let generatedHere: string | undefined;

/**
 * Write (or reuse) the table as a file; the content hash is kept beside it. A process keeps at
 * most one file it wrote itself: making another size deletes the previous one, so asking for
 * size after size cannot fill the disk.
 */
export async function generateLargeItemTableFile(options: {
  targetMb: number;
  dir?: string;
}): Promise<{ file: string; sizeBytes: number; contentHash: string }> {
  const dir = options.dir ?? os.tmpdir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `warmind-sandbox-DestinyInventoryItemDefinition-${options.targetMb}mb.json`,
  );
  const sidecar = `${file}.sha1`;
  if (fs.existsSync(file) && fs.existsSync(sidecar)) {
    return {
      file,
      sizeBytes: fs.statSync(file).size,
      contentHash: fs.readFileSync(sidecar, "utf8").trim(),
    };
  }
  const temp = `${file}.${process.pid}.tmp`;
  const stream = fs.createWriteStream(temp);
  const result = await writeLargeItemTable(stream, {
    targetBytes: Math.round(options.targetMb * 1024 * 1024),
  });
  stream.end();
  await once(stream, "finish");
  fs.renameSync(temp, file);
  fs.writeFileSync(sidecar, result.contentHash);
  if (generatedHere && generatedHere !== file) {
    fs.rmSync(generatedHere, { force: true });
    fs.rmSync(`${generatedHere}.sha1`, { force: true });
  }
  generatedHere = file;
  return { file, sizeBytes: result.bytes, contentHash: result.contentHash };
}
