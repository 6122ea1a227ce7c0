import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

describe("proxy.ts request ids", () => {
  it("keeps a well-formed incoming x-request-id, replaces a malformed one, on pages and routes", async () => {
    process.env.AUTH_SECRET ??= "proxy-unit-test-secret".padEnd(40, "x");
    const { proxy } = await import("@/proxy");
    for (const path of ["/signin", "/api/health"]) {
      const kept = await proxy(
        new NextRequest(`http://localhost:3000${path}`, {
          headers: { "x-request-id": "lb-0123456789abcdef" },
        }),
      );
      expect(kept.headers.get("x-request-id"), path).toBe("lb-0123456789abcdef");
      // Passed on to the page or route handler as a request header (Next's override list).
      expect(kept.headers.get("x-middleware-request-x-request-id"), path).toBe(
        "lb-0123456789abcdef",
      );

      const replaced = await proxy(
        new NextRequest(`http://localhost:3000${path}`, {
          headers: { "x-request-id": "evil id\twith spaces" },
        }),
      );
      const id = replaced.headers.get("x-request-id");
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/);
      expect(replaced.headers.get("x-middleware-request-x-request-id"), path).toBe(id);

      const fresh = await proxy(new NextRequest(`http://localhost:3000${path}`));
      expect(fresh.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
