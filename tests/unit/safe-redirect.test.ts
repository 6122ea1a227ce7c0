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
