import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { routeHandlerSecurityHeaders, securityHeaders } from "@/lib/security/headers";

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

describe("routeHandlerSecurityHeaders", () => {
  it("forbids framing and any script, and lets forms post only to us and Bungie", () => {
    const h = routeHandlerSecurityHeaders({ bungieOrigin: "https://www.bungie.net", https: true });
    const csp = h["Content-Security-Policy"]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self' https://www.bungie.net");
    expect(csp).not.toContain("nonce");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(
      routeHandlerSecurityHeaders({ bungieOrigin: "https://www.bungie.net", https: false })[
        "Strict-Transport-Security"
      ],
    ).toBeUndefined();
  });

  it("sends no referrer from a URL that carries a token", () => {
    const h = routeHandlerSecurityHeaders({
      bungieOrigin: "https://www.bungie.net",
      https: true,
      urlCarriesSecret: true,
    });
    expect(h["Referrer-Policy"]).toBe("no-referrer");
  });
});

describe("proxy", () => {
  it("gives route handlers' responses the route-handler headers, pages a nonce CSP", async () => {
    process.env.AUTH_SECRET ??= "proxy-unit-test-secret".padEnd(40, "x");
    const { proxy, config } = await import("@/proxy");
    // Next.js matches paths against the matcher; API routes must no longer be left out.
    expect(config.matcher.join(" ")).not.toContain("api/");
    for (const path of ["/api/digest/unsubscribe?token=x", "/api/auth/signout", "/api"]) {
      const response = await proxy(new NextRequest(`http://localhost:3000${path}`));
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'none'");
      expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(response.headers.get("location"), path).toBeNull();
    }
    expect(
      (
        await proxy(new NextRequest("http://localhost:3000/api/digest/confirm?token=x"))
      ).headers.get("Referrer-Policy"),
    ).toBe("no-referrer");
    const page = await proxy(new NextRequest("http://localhost:3000/signin"));
    expect(page.headers.get("Content-Security-Policy")).toMatch(/'nonce-[^']+'/);
  });
});
