/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several checkouts' test runs share one machine.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Bungie's paths end with a slash (/Platform/App/OAuth/token/); the sandbox mount must serve
  // them as they are instead of redirecting to the slash-less form.
  skipTrailingSlashRedirect: true,
  // Packages that load WASM or native code at run time stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "ioredis",
    "stream-json",
  ],
  images: { unoptimized: true },
  typescript: {
    // `npm test` type-checks the whole repository (app, scripts, sandbox, tests) with `tsc`; the
    // build would repeat a subset of that work on every start.
    ignoreBuildErrors: true,
    // A config that extends tsconfig.json, so that builds into any dist dir leave tsconfig.json
    // as it is (see tsconfig.next.json).
    tsconfigPath: "tsconfig.next.json",
  },
};

export default nextConfig;
