import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken } from "@/lib/auth/token-crypto";

const secret = "a".repeat(40);

describe("token encryption", () => {
  it("round-trips and never contains the plain token", () => {
    const token = "CLmQBBKGAgAg1234567890abcdef";
    const sealed = encryptToken(token, secret);
    expect(sealed).not.toContain(token);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(decryptToken(sealed, secret)).toBe(token);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptToken("same", secret)).not.toBe(encryptToken("same", secret));
  });

  it("rejects another secret, tampering and plain text", () => {
    const sealed = encryptToken("token", secret);
    expect(decryptToken(sealed, "b".repeat(40))).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(decryptToken(tampered, secret)).toBeNull();
    expect(decryptToken("token", secret)).toBeNull();
  });
});
