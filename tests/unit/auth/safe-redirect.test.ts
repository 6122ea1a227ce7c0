import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps paths on our origin", () => {
    expect(safeCallbackPath("/inventory?bucket=kinetic")).toBe("/inventory?bucket=kinetic");
    expect(safeCallbackPath("/clan#roster")).toBe("/clan#roster");
    // Percent-encoded control characters stay encoded: harmless inside a path.
    expect(safeCallbackPath("/%0d%0aSet-Cookie:x")).toBe("/%0d%0aSet-Cookie:x");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    "evil.example",
    "/api/auth/signout",
    "/signin",
    "/\u0000x",
  ])("refuses %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/account");
  });

  // Dot segments and encodings that a URL parser (or a browser) turns into `//host`, which
  // browsers read as another origin.
  it.each([
    "/.//evil.com",
    "/..//evil.com",
    "/%2e//evil.com",
    "/%2E%2E//evil.com",
    "/././/evil.com",
    "/a/..//evil.com",
    "/.%2f/evil.com",
    "/%2f/evil.com",
    "/%2F%2Fevil.com",
    "/%5cevil.com",
    "/%5C%5Cevil.com",
    "/.\\evil.com",
    "/\t/evil.com",
    "/%09/evil.com",
    "/\n/evil.com",
    "/%0a/evil.com",
    "/%252e//evil.com",
    "/%252f%252fevil.com",
    "/%2e%2e%2f%2fevil.com",
  ])("refuses %j, which resolves to another host", (value) => {
    const result = safeCallbackPath(value);
    expect(result).toBe("/account");
  });

  it("never returns a path that leaves our origin, even when decoded once more", () => {
    const probes = ["/", ".", "%2e", "%2f", "%5c", "\\", "\t", "%09", "%252f", "..", "a", "%"];
    for (const a of probes) {
      for (const b of probes) {
        for (const c of probes) {
          const input = `/${a}${b}${c}evil.com`;
          const result = safeCallbackPath(input);
          expect(result, input).toMatch(/^\/(?![\/\\])/);
          for (const form of [result, decodeURIComponent(result)]) {
            const resolved = new URL(form, "https://warmind.example");
            expect(resolved.origin, `${input} -> ${form}`).toBe("https://warmind.example");
            expect(resolved.pathname, `${input} -> ${form}`).not.toMatch(/^\/\//);
          }
        }
      }
    }
  });

  it("keeps ordinary paths with dots and encoded characters", () => {
    expect(safeCallbackPath("/clan/member/3/4611686018467284386")).toBe(
      "/clan/member/3/4611686018467284386",
    );
    expect(safeCallbackPath("/inventory?q=name%3A%22ace%22")).toBe("/inventory?q=name%3A%22ace%22");
    expect(safeCallbackPath("/vendors/./")).toBe("/vendors/");
  });

  it("falls back when empty", () => {
    expect(safeCallbackPath(undefined)).toBe("/account");
    expect(safeCallbackPath("", "/")).toBe("/");
  });
});

describe("safeRedirectUrl", () => {
  const base = "https://warmind.example";
  it("allows our own origin and relative paths", () => {
    expect(safeRedirectUrl("/vendors", base)).toBe(`${base}/vendors`);
    expect(safeRedirectUrl(`${base}/clan?x=1`, base)).toBe(`${base}/clan?x=1`);
  });
  it("sends other origins home", () => {
    expect(safeRedirectUrl("https://evil.example/steal", base)).toBe(`${base}/account`);
    expect(safeRedirectUrl("//evil.example", base)).toBe(`${base}/account`);
  });
});
