// Builds into another folder (NEXT_DIST_DIR=.next-e2e, .next-loadtest...) must leave the working
// tree as it was. Next.js adds `<distDir>/types/**/*.ts` to the `include` of the TypeScript
// config it reads, unless that config extends another; next.config.mjs therefore points it at
// tsconfig.next.json. This runs Next's own rewriting step on copies of both files.
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../../..");

type WriteDefaults = (
  typescriptVersion: string,
  tsConfigPath: string,
  isFirstTimeSetup: boolean,
  hasAppDir: boolean,
  distDir: string,
  hasPagesDir: boolean,
  strictRouteTypes: boolean,
) => Promise<void>;
const { writeConfigurationDefaults } =
  require("next/dist/lib/typescript/writeConfigurationDefaults") as {
    writeConfigurationDefaults: WriteDefaults;
  };
const typescriptVersion = (require("typescript/package.json") as { version: string }).version;

describe("the TypeScript config Next.js reads", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "warmind-tsconfig-"));
    for (const file of ["tsconfig.json", "tsconfig.next.json"])
      await copyFile(path.join(root, file), path.join(dir, file));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const rewrite = (file: string, distDir: string) =>
    writeConfigurationDefaults(
      typescriptVersion,
      path.join(dir, file),
      false,
      true,
      distDir,
      false,
      false,
    );
  const read = (file: string) => readFile(path.join(dir, file), "utf8");

  it("is tsconfig.next.json, which extends tsconfig.json", async () => {
    expect(nextConfig.typescript?.tsconfigPath).toBe("tsconfig.next.json");
    expect(JSON.parse((await read("tsconfig.next.json")).replace(/^\/\/.*$/gm, ""))).toEqual({
      extends: "./tsconfig.json",
    });
  });

  it("leaves both files unchanged for a build into any dist dir", async () => {
    const before = [await read("tsconfig.json"), await read("tsconfig.next.json")];
    for (const distDir of [".next", ".next-e2e", ".next-loadtest", "build/elsewhere"])
      await rewrite(nextConfig.typescript?.tsconfigPath ?? "tsconfig.json", distDir);
    expect([await read("tsconfig.json"), await read("tsconfig.next.json")]).toEqual(before);
  });

  it("would have rewritten tsconfig.json itself (why the extending file exists)", async () => {
    // Next.js lists what it changed on the console.
    vi.spyOn(console, "log").mockImplementation(() => {});
    const before = await read("tsconfig.json");
    await rewrite("tsconfig.json", ".next");
    expect(await read("tsconfig.json")).toBe(before);
    await rewrite("tsconfig.json", ".next-e2e");
    expect(await read("tsconfig.json")).toContain(".next-e2e/types/**/*.ts");
  });
});
