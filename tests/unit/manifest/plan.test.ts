import type { DestinyManifest } from "bungie-api-ts/destiny2";
import { describe, expect, it } from "vitest";
import { ManifestDownloadError } from "@/lib/manifest/errors";
import { planImport, samePaths, stampedPaths, TRIM_VERSION_KEY } from "@/lib/manifest/plan";
import { MANIFEST_TABLE_NAMES, TRIM_VERSION } from "@/lib/manifest/tables";

function manifest(byLanguage: Record<string, Record<string, string>>): DestinyManifest {
  return {
    version: "226458.25.01.01.1800-1",
    mobileAssetContentPath: "",
    mobileGearAssetDataBases: [],
    mobileWorldContentPaths: {},
    jsonWorldContentPaths: {},
    jsonWorldComponentContentPaths: byLanguage,
    mobileClanBannerDatabasePath: "",
    mobileGearCDN: {},
    iconImagePyramidInfo: [],
  };
}

const allTables = (language: string) =>
  Object.fromEntries(
    [...MANIFEST_TABLE_NAMES, "DestinyLoreDefinition"].map((t) => [
      t,
      `/common/destiny2_content/json/${language}/${t}-abc.json`,
    ]),
  );

describe("planImport", () => {
  it("takes only the tables the app uses, in the requested language", () => {
    const lines: string[] = [];
    const plan = planImport(manifest({ en: allTables("en"), fr: allTables("fr") }), "fr", (l) =>
      lines.push(l),
    );
    expect(plan.language).toBe("fr");
    expect(Object.keys(plan.paths).sort()).toEqual([...MANIFEST_TABLE_NAMES].sort());
    expect(plan.paths.DestinyInventoryItemDefinition).toContain("/json/fr/");
    expect(lines).toEqual([]);
  });

  it("falls back to English, with a log line, for a language the manifest does not offer", () => {
    const lines: string[] = [];
    const plan = planImport(manifest({ en: allTables("en") }), "ja", (l) => lines.push(l));
    expect(plan).toMatchObject({ language: "en", requestedLanguage: "ja" });
    expect(lines.join("\n")).toMatch(/does not offer language "ja".*falling back to en/);
  });

  it("fails when a required table is missing, and only logs a missing optional one", () => {
    const { DestinyInventoryItemDefinition: _items, ...withoutItems } = allTables("en");
    expect(() => planImport(manifest({ en: withoutItems }), "en", () => {})).toThrow(
      ManifestDownloadError,
    );
    const { DestinyActivityDefinition: _activities, ...withoutActivities } = allTables("en");
    const lines: string[] = [];
    const plan = planImport(manifest({ en: withoutActivities }), "en", (l) => lines.push(l));
    expect(plan.paths.DestinyActivityDefinition).toBeUndefined();
    expect(lines).toEqual([expect.stringContaining("DestinyActivityDefinition")]);
  });

  it("fails when not even English is offered", () => {
    expect(() => planImport(manifest({ de: allTables("de") }), "fr", () => {})).toThrow(
      /no "fr" or "en"/,
    );
  });
});

describe("samePaths", () => {
  const trim = { [TRIM_VERSION_KEY]: String(TRIM_VERSION) };
  it("compares table paths, not their order", () => {
    expect(samePaths({ b: "/2", ...trim, a: "/1" }, { a: "/1", b: "/2" } as never)).toBe(true);
    expect(samePaths({ a: "/1", ...trim }, { a: "/1", b: "/2" } as never)).toBe(false);
    expect(samePaths({ a: "/1", b: "/3", ...trim }, { a: "/1", b: "/2" } as never)).toBe(false);
    expect(samePaths(null, {})).toBe(false);
  });

  it("re-imports a version stored by an older trimmer, though Bungie's paths did not move", () => {
    const planned = { a: "/1", b: "/2" } as never;
    expect(samePaths(stampedPaths(planned), planned)).toBe(true);
    // Stored before the trim shape was recorded.
    expect(samePaths({ a: "/1", b: "/2" }, planned)).toBe(false);
    expect(
      samePaths({ a: "/1", b: "/2", [TRIM_VERSION_KEY]: String(TRIM_VERSION - 1) }, planned),
    ).toBe(false);
  });
});
