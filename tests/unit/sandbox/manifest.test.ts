import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "@/sandbox/content/png";
import { call, control, ORIGIN, testSandbox } from "./helpers";

type Manifest = {
  version: string;
  jsonWorldComponentContentPaths: { en: Record<string, string> };
  jsonWorldContentPaths: { en: string };
};

async function fetchContent(sandbox: ReturnType<typeof testSandbox>["sandbox"], p: string) {
  return sandbox.handle(new Request(`${ORIGIN}${sandbox.options.basePath}${p}`));
}

describe("manifest and content", () => {
  it("lists the definition files with content-hashed, root-relative paths", async () => {
    const { sandbox } = testSandbox();
    const manifest = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    const paths = manifest.jsonWorldComponentContentPaths.en;
    for (const name of [
      "DestinyInventoryItemDefinition",
      "DestinyInventoryBucketDefinition",
      "DestinyClassDefinition",
      "DestinyRaceDefinition",
      "DestinyGenderDefinition",
      "DestinyStatDefinition",
      "DestinyDamageTypeDefinition",
      "DestinyVendorDefinition",
      "DestinyVendorGroupDefinition",
      "DestinyActivityDefinition",
      "DestinyItemCategoryDefinition",
      "DestinySocketTypeDefinition",
    ]) {
      expect(paths[name]).toMatch(
        new RegExp(`^/common/destiny2_content/json/en/${name}-[0-9a-f-]{36}\\.json$`),
      );
    }
    expect(manifest.version).toMatch(/^\d+\.\d\d\.\d\d\.\d\d\.\d{4}-\d+-bnet\.\d+$/);
  });

  it("serves definition files without an API key, keyed by hash, also under a base path", async () => {
    const { sandbox } = testSandbox({ basePath: "/sandbox" });
    const manifest = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    const itemPath = manifest.jsonWorldComponentContentPaths.en
      .DestinyInventoryItemDefinition as string;
    expect(itemPath.startsWith("/common/")).toBe(true);
    const response = await fetchContent(sandbox, itemPath);
    expect(response.status).toBe(200);
    const table = (await response.json()) as Record<string, { hash: number }>;
    expect(Object.keys(table).length).toBeGreaterThanOrEqual(300);
    for (const [key, def] of Object.entries(table).slice(0, 20)) expect(key).toBe(String(def.hash));
    const aggregate = (await (
      await fetchContent(sandbox, manifest.jsonWorldContentPaths.en)
    ).json()) as Record<string, unknown>;
    expect(Object.keys(aggregate)).toEqual(Object.keys(manifest.jsonWorldComponentContentPaths.en));
    expect(
      (
        await fetchContent(
          sandbox,
          "/common/destiny2_content/json/en/DestinyInventoryItemDefinition-stale.json",
        )
      ).status,
    ).toBe(404);
  });

  it("points the item table at a large generated file on demand and bumps the version", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-large-"));
    const { sandbox } = testSandbox({ tempDir: dir });
    const before = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    // Larger than the sandbox's own item table (~2.2 MB), so the generated file adds items.
    await control(sandbox, "manifest", { largeItemTableMb: 4 });
    const after = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    expect(after.version).not.toBe(before.version);
    const itemPath = after.jsonWorldComponentContentPaths.en
      .DestinyInventoryItemDefinition as string;
    expect(itemPath).not.toBe(
      before.jsonWorldComponentContentPaths.en.DestinyInventoryItemDefinition,
    );
    expect(after.jsonWorldComponentContentPaths.en.DestinyClassDefinition).toBe(
      before.jsonWorldComponentContentPaths.en.DestinyClassDefinition,
    );
    const response = await fetchContent(sandbox, itemPath);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024 - 10_000);
    const table = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(table).length).toBeGreaterThan(1000);
    await control(sandbox, "manifest", { largeItemTableMb: 0 });
    const reverted = (await call<Manifest>(sandbox, "/Platform/Destiny2/Manifest/")).body
      .Response as Manifest;
    expect(reverted.version).toBe(before.version);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("renders every icon path as a valid PNG, with rarity colours", async () => {
    const { sandbox } = testSandbox();
    const response = await fetchContent(sandbox, "/common/destiny2_content/icons/weapon-6-123.png");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    // Walk the chunks, checking every CRC.
    let offset = 8;
    const types: string[] = [];
    let idat = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString("ascii", offset + 4, offset + 8);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(
        crc32(png, offset + 4, offset + 8 + length),
      );
      if (type === "IDAT")
        idat = Buffer.concat([idat, png.subarray(offset + 8, offset + 8 + length)]);
      types.push(type);
      offset += 12 + length;
    }
    expect(types).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(png.readUInt32BE(16)).toBe(96);
    const raw = inflateSync(idat);
    expect(raw.length).toBe((96 * 3 + 1) * 96);
    // Exotic gold at the tile's top-left interior pixel.
    const pixel = raw.subarray(1 + 10 * (96 * 3 + 1) + 10 * 3, 1 + 10 * (96 * 3 + 1) + 10 * 3 + 3);
    expect(pixel[0]).toBeGreaterThan(pixel[2] ?? 0);
    const emblem = Buffer.from(
      await (
        await fetchContent(sandbox, "/common/destiny2_content/icons/emblembg-5-9.png")
      ).arrayBuffer(),
    );
    expect(emblem.readUInt32BE(16)).toBe(474);
    expect((await fetchContent(sandbox, "/img/profile/avatars/cc13.jpg")).status).toBe(200);
  });
});
