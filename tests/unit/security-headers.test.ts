import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/security/headers";

describe("securityHeaders", () => {
  const base = { nonce: "abc123", bungieOrigin: "https://www.bungie.net", dev: false };

  it("sends a nonce-based CSP that allows Bungie's images and sign-in redirect only", () => {
    const csp = securityHeaders({ ...base, https: true })["Content-Security-Policy"]!;
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("img-src 'self' data: blob: https://www.bungie.net");
    expect(csp).toContain("form-action 'self' https://www.bungie.net");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("adds HSTS only over HTTPS, and never upgrades requests on plain HTTP", () => {
    const http = securityHeaders({ ...base, https: false });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(securityHeaders({ ...base, https: true })["Strict-Transport-Security"]).toMatch(
      /max-age=\d+/,
    );
  });

  it("forbids framing and sniffing and keeps referrers on our origin", () => {
    const h = securityHeaders({ ...base, https: true });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("uses the sandbox origin in demo mode", () => {
    const csp = securityHeaders({
      ...base,
      bungieOrigin: "http://localhost:3000/sandbox",
      https: false,
    })["Content-Security-Policy"]!;
    expect(csp).toContain("img-src 'self' data: blob: http://localhost:3000");
  });
});
