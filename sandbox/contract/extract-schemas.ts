// Extracts the part of Bungie's OpenAPI spec the sandbox needs (the responses of its
// operations and the definition schemas, with every schema they reference) into
// sandbox/contract/bungie-openapi-schemas.json, without descriptions. The spec is BSD
// licensed (LICENSE-bungie-api.txt beside the output).
//
//   npx tsx sandbox/contract/extract-schemas.ts [path/to/openapi.json]
import fs from "node:fs";
import path from "node:path";
import { DEFINITION_SCHEMAS, SANDBOX_OPERATIONS } from "./operations";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface VendoredSchemas {
  source: string;
  operations: Record<string, { method: string; path: string; response: string }>;
  definitions: string[];
  components: { responses: Record<string, Json>; schemas: Record<string, Json> };
}

const DROPPED_KEYS = new Set([
  "description",
  "summary",
  "x-mobile-manifest-name",
  "x-destiny-component-type-dependency",
  "x-preview",
]);

function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (DROPPED_KEYS.has(key)) continue;
      // Enum value descriptions are long; keep only identifiers and numbers.
      out[key] = strip(child);
    }
    return out;
  }
  return value;
}

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const child of value) collectRefs(child, into);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") into.add(child);
      else collectRefs(child, into);
    }
  }
}

export function extractSchemas(spec: JsonObject): VendoredSchemas {
  const paths = spec.paths as JsonObject;
  const components = spec.components as { responses: JsonObject; schemas: JsonObject };
  const info = spec.info as JsonObject;
  const operations: VendoredSchemas["operations"] = {};
  const pending: string[] = [];
  for (const [method, opPath] of SANDBOX_OPERATIONS) {
    const op = (paths[opPath] as JsonObject | undefined)?.[method] as JsonObject | undefined;
    if (!op) throw new Error(`spec has no ${method.toUpperCase()} ${opPath}`);
    const ref = ((op.responses as JsonObject)["200"] as JsonObject).$ref as string;
    operations[op.operationId as string] = {
      method,
      path: opPath,
      response: ref.replace("#/components/responses/", ""),
    };
    pending.push(ref);
  }
  for (const name of DEFINITION_SCHEMAS) pending.push(`#/components/schemas/${name}`);
  const responses: Record<string, Json> = {};
  const schemas: Record<string, Json> = {};
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop() as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, , kind, name] = ref.split("/");
    if (!name) throw new Error(`bad $ref ${ref}`);
    const source = kind === "responses" ? components.responses[name] : components.schemas[name];
    if (source === undefined) throw new Error(`unresolved $ref ${ref}`);
    const stripped = strip(source);
    if (kind === "responses") responses[name] = stripped;
    else schemas[name] = stripped;
    const refs = new Set<string>();
    collectRefs(stripped, refs);
    for (const next of refs) if (!seen.has(next)) pending.push(next);
  }
  const sortKeys = (record: Record<string, Json>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k] as Json]),
    );
  return {
    source: `Bungie-net/api openapi.json, info.version ${String(info.version)} (BSD 3-Clause, see LICENSE-bungie-api.txt)`,
    operations,
    definitions: [...DEFINITION_SCHEMAS],
    components: { responses: sortKeys(responses), schemas: sortKeys(schemas) },
  };
}

export const VENDORED_PATH = path.join(import.meta.dirname, "bungie-openapi-schemas.json");

/** Default spec location: the shared copy beside the repository (as in CI). */
export function defaultSpecPath(): string {
  return path.resolve(import.meta.dirname, "../..", "../shared/bungie-api/openapi.json");
}

async function main() {
  const specPath = process.argv[2] ?? defaultSpecPath();
  const spec = JSON.parse(fs.readFileSync(specPath, "utf8")) as JsonObject;
  const vendored = extractSchemas(spec);
  // Written the way `prettier --check` expects it.
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(VENDORED_PATH)) ?? {};
  const text = await prettier.format(JSON.stringify(vendored), {
    ...config,
    plugins: [],
    parser: "json",
  });
  fs.writeFileSync(VENDORED_PATH, text);
  console.log(
    `wrote ${VENDORED_PATH}: ${Object.keys(vendored.operations).length} operations, ` +
      `${Object.keys(vendored.components.schemas).length} schemas`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
