// The direction of Warmind's imports, enforced by `npm run lint` (dependency-cruiser), not
// remembered. Type-only imports count too (tsPreCompilationDeps): a type import is still an
// arrow between two modules, and a circle of types is a circle of design.
//
// Layers, top to bottom (an arrow may skip layers downwards, never point up):
//   app, proxy.ts, instrumentation.ts
//   components
//   lib/<feature> (guardian, clan, vendors, digest, outbox, health, ...) and emails/ (the digest's templates)
//   lib/auth, lib/security, lib/email, lib/cache
//   lib/bungie, lib/bungie-assets, lib/manifest, lib/db, lib/redis, lib/env, lib/env-schema, lib/startup
//   lib/destiny, lib/async, lib/log (game facts, pure helpers, the structured logger: they
//   import nothing of ours)
// sandbox/ stands beside all of it and may use only lib/destiny's facts; only the demo mount
// route (app/sandbox) imports it. scripts/, bench/ and tests/ sit on top: nothing imports them.
//
// A feature may use another it builds on, never back: FEATURE_USES lists every such arrow.

const FEATURES = ["guardian", "clan", "vendors", "digest", "outbox", "health", "loadouts"];

/** feature → features it builds on. Anything not listed here is refused. */
const FEATURE_USES = {
  // The account page shows the player's clan.
  guardian: ["clan"],
  // The digest mails what the vendors page shows.
  digest: ["vendors"],
  // Loadouts are built from the inventory (views, planner context, executor).
  loadouts: ["guardian"],
};

const FLOOR = "^lib/(destiny|async|log)/";
const INFRA =
  "^lib/(bungie/|bungie-assets\\.ts|manifest/|db/|db\\.ts|redis\\.ts|env\\.ts|env-schema\\.ts|startup\\.ts)";
const SERVICES = "^lib/(auth|security|email|cache)/";
const FEATURE = `^lib/(${FEATURES.join("|")})/`;
const EMAILS = "^emails/";
const COMPONENTS = "^components/";
const APP = "^(app/|proxy\\.ts|instrumentation\\.ts)";
const ON_TOP = "^(scripts|bench|tests)/";

const upward = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Import circles (type-only imports included) tie modules into one.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    upward(
      "floor-imports-nothing-of-ours",
      FLOOR,
      `^(lib/(?!destiny/|async/|log/|generated/)|components/|app/|emails/|sandbox/)`,
      "lib/destiny, lib/async and lib/log are facts and helpers: they import nothing above them.",
    ),
    upward(
      "infra-points-down",
      INFRA,
      `(${SERVICES}|${FEATURE}|${EMAILS}|${COMPONENTS}|${APP}|^sandbox/)`,
      "lib/bungie, lib/manifest, lib/db, lib/redis and lib/env serve the layers above; never back.",
    ),
    upward(
      "services-point-down",
      SERVICES,
      `(${FEATURE}|${EMAILS}|${COMPONENTS}|${APP}|^sandbox/)`,
      "lib/auth, lib/security, lib/email and lib/cache serve the features; never back.",
    ),
    upward(
      "features-point-down",
      `(${FEATURE}|${EMAILS})`,
      `(${COMPONENTS}|${APP}|^sandbox/)`,
      "A feature's lib code never imports components, routes or the sandbox.",
    ),
    upward(
      "components-import-only-actions-from-app",
      COMPONENTS,
      "^app/(?!.*/actions\\.ts$)",
      "Components may import server actions from app/, nothing else (loaders and types live in lib).",
    ),
    upward(
      "emails-are-templates",
      EMAILS,
      `^lib/(?!vendors/(types|format)\\.ts$|destiny/)`,
      "Email templates render the views they are given; they import only view types and formatters.",
    ),
    {
      name: "only-digest-renders-emails",
      comment: "Templates are rendered by the digest (and previewed by tools on top).",
      severity: "error",
      from: { path: "^(lib|components|app)/", pathNot: "^lib/digest/" },
      to: { path: EMAILS },
    },
    ...FEATURES.map((feature) => ({
      name: `feature-${feature}-builds-only-on-listed-features`,
      comment: `lib/${feature} may use ${FEATURE_USES[feature]?.join(", ") || "no other feature"} (FEATURE_USES).`,
      severity: "error",
      from: { path: `^lib/${feature}/` },
      to: {
        path: `^lib/(${FEATURES.filter(
          (other) => other !== feature && !(FEATURE_USES[feature] ?? []).includes(other),
        ).join("|")})/`,
      },
    })),
    {
      name: "sandbox-stands-beside",
      comment: "The sandbox is Bungie.net: it shares only lib/destiny's game facts.",
      severity: "error",
      from: { path: "^sandbox/" },
      to: { path: "^(lib/(?!destiny/)|components/|app/|emails/|scripts/|bench/|tests/)" },
    },
    {
      name: "only-the-demo-mount-imports-the-sandbox",
      comment: "App code never knows it talks to the sandbox; only the mount route serves it.",
      severity: "error",
      from: {
        path: "^(lib|components|app|emails)/|^proxy\\.ts$|^instrumentation\\.ts$",
        pathNot: "^app/sandbox/",
      },
      to: { path: "^sandbox/" },
    },
    {
      name: "nothing-imports-scripts-bench-or-tests",
      comment: "scripts/, bench/ and tests/ sit on top.",
      severity: "error",
      from: { pathNot: ON_TOP },
      to: { path: ON_TOP },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|lib/generated|\\.next[^/]*|\\.data|test-results)/" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mjs", ".js", ".cjs", ".json"] },
  },
};
