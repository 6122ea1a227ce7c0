// The layer rule of `npm run lint` (.dependency-cruiser.cjs) refuses wrong arrows: a small
// project laid out like ours, with one deliberately wrong import per rule, is cruised with our
// own rule set; every wrong import is reported by name and the right ones are not.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const config = require("../../../.dependency-cruiser.cjs") as {
  forbidden: unknown[];
  options: Record<string, unknown>;
};

const FILES: Record<string, string> = {
  // Right arrows.
  "lib/destiny/facts.ts": "export const POWER_CAP = 550;\n",
  "lib/bungie/client.ts":
    'import { POWER_CAP } from "../destiny/facts";\nexport const cap = POWER_CAP;\n',
  "lib/vendors/types.ts": "export type VendorView = { name: string };\n",
  "lib/digest/compose.ts":
    'import type { VendorView } from "../vendors/types";\nexport const title = (v: VendorView) => v.name;\n',
  "app/vendors/actions.ts": "export async function refresh() {}\n",
  "components/vendors/refresh.tsx":
    'import { refresh } from "../../app/vendors/actions";\nexport const onClick = refresh;\n',
  // Wrong arrows, one per rule.
  "lib/destiny/wrong.ts": 'import { cap } from "../bungie/client";\nexport const x = cap;\n',
  "lib/vendors/wrong.ts": 'import { title } from "../digest/compose";\nexport const y = title;\n',
  "app/vendors/load-page.ts": "export const loadPage = () => 1;\n",
  "components/vendors/wrong.tsx":
    'import { loadPage } from "../../app/vendors/load-page";\nexport const z = loadPage;\n',
  "lib/bungie/wrong.ts": 'import { title } from "../digest/compose";\nexport const w = title;\n',
  "sandbox/world.ts": 'import { cap } from "../lib/bungie/client";\nexport const v = cap;\n',
  "lib/guardian/mount.ts": 'import { v } from "../../sandbox/world";\nexport const u = v;\n',
  // A circle made of type-only imports.
  "lib/clan/a.ts": 'import type { B } from "./b";\nexport type A = { b?: B };\n',
  "lib/clan/b.ts": 'import type { A } from "./a";\nexport type B = { a?: A };\n',
};

let root: string;
let result: ICruiseResult;

function violationsOf(file: string): string[] {
  return result.summary.violations
    .filter((v) => v.from === file)
    .map((v) => v.rule.name)
    .sort();
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "warmind-layers-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  writeFileSync(
    path.join(root, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, jsx: "preserve" } }),
  );
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const output = await cruise(["lib", "app", "components", "sandbox"], {
      ...config.options,
      ruleSet: { forbidden: config.forbidden },
      validate: true,
    } as never);
    result = output.output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the layer rule", () => {
  it("lets arrows point down and features use the features they build on", () => {
    for (const file of [
      "lib/bungie/client.ts",
      "lib/digest/compose.ts",
      "components/vendors/refresh.tsx",
    ]) {
      expect(violationsOf(file), file).toEqual([]);
    }
  });

  it("refuses game facts importing anything above them", () => {
    expect(violationsOf("lib/destiny/wrong.ts")).toEqual(["floor-imports-nothing-of-ours"]);
  });

  it("refuses a feature using one it is not built on", () => {
    expect(violationsOf("lib/vendors/wrong.ts")).toEqual([
      "feature-vendors-builds-only-on-listed-features",
    ]);
  });

  it("refuses a lower layer importing a feature", () => {
    expect(violationsOf("lib/bungie/wrong.ts")).toEqual(["infra-points-down"]);
  });

  it("refuses components importing anything but server actions from app/", () => {
    expect(violationsOf("components/vendors/wrong.tsx")).toEqual([
      "components-import-only-actions-from-app",
    ]);
  });

  it("keeps the sandbox beside the app, in both directions", () => {
    expect(violationsOf("sandbox/world.ts")).toEqual(["sandbox-stands-beside"]);
    expect(violationsOf("lib/guardian/mount.ts")).toEqual([
      "features-point-down",
      "only-the-demo-mount-imports-the-sandbox",
    ]);
  });

  it("refuses import circles, type-only imports included", () => {
    expect(violationsOf("lib/clan/a.ts")).toContain("no-circular");
  });
});
