import { describe, expect, it } from "vitest";
import { MANIFEST_LANGUAGES } from "@/lib/destiny/game-facts";
import { isManifestLanguage, resolveManifestLanguage } from "@/lib/manifest/language";

describe("manifest languages", () => {
  it("accepts Bungie's 13 keys", () => {
    expect(MANIFEST_LANGUAGES).toHaveLength(13);
    for (const language of MANIFEST_LANGUAGES)
      expect(resolveManifestLanguage(language)).toBe(language);
    expect(isManifestLanguage("zh-chs")).toBe(true);
  });

  it("falls back to English, saying so, for anything else", () => {
    const lines: string[] = [];
    expect(resolveManifestLanguage("klingon", (l) => lines.push(l))).toBe("en");
    expect(lines).toEqual([expect.stringContaining('"klingon" is not a manifest language')]);
    expect(resolveManifestLanguage(undefined, (l) => lines.push(l))).toBe("en");
    expect(resolveManifestLanguage("", (l) => lines.push(l))).toBe("en");
    expect(lines).toHaveLength(1);
  });
});
