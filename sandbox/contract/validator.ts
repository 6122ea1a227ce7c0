// Runtime validation of sandbox responses against Bungie's OpenAPI schemas (the vendored
// extract). OpenAPI 3.0 → JSON Schema for Ajv: int64 accepts strings (Bungie sends them as
// strings), `nullable` becomes a null type, enum-keyed dictionaries must use the enum's
// identifiers as keys and int-keyed ones numeric strings. additionalProperties is left
// open, as real responses carry unlisted fields.
import fs from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { VENDORED_PATH, type VendoredSchemas } from "./extract-schemas";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const INT_STRING = "^-?[0-9]+$";

function enumOf(
  schemas: Record<string, Json>,
  ref: string,
): { values: number[]; names: string[]; bitmask: boolean } | undefined {
  const name = ref.replace("#/components/schemas/", "");
  const schema = schemas[name] as JsonObject | undefined;
  const values = schema?.["x-enum-values"];
  if (!Array.isArray(values)) return undefined;
  return {
    values: values.map((v) => Number((v as JsonObject).numericValue)),
    names: values.map((v) => String((v as JsonObject).identifier)),
    bitmask: schema?.["x-enum-is-bitmask"] === true,
  };
}

function convert(node: Json, schemas: Record<string, Json>): Json {
  if (Array.isArray(node)) return node.map((n) => convert(n, schemas));
  if (!node || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || key === "nullable" || key === "format") continue;
    out[key] =
      key === "$ref" && typeof value === "string"
        ? value.replace("#/components/schemas/", "#/definitions/")
        : convert(value, schemas);
  }
  const format = node.format;
  if (node.type === "integer" && format === "int64") {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string", pattern: INT_STRING }];
  } else if (format === "byte") {
    // Spec quirk: System.Byte is declared {type: string, format: byte} (base64), but Bungie
    // sends numbers 0-255 (DestinyColor in every real profile), as bungie-api-ts types them.
    out.type = "integer";
  } else if (format === "date-time") {
    out.format = "date-time";
  }
  // Non-flag enums: only listed values.
  const enumRef = (node["x-enum-reference"] as JsonObject | undefined)?.$ref;
  if (
    node.type === "integer" &&
    typeof enumRef === "string" &&
    node["x-enum-is-bitmask"] === false
  ) {
    const e = enumOf(schemas, enumRef);
    if (e) out.enum = e.values;
  }
  // Dictionary keys: enum-keyed maps by identifier ("TigerSteam"), numeric maps by digits.
  const dictKey = node["x-dictionary-key"] as JsonObject | undefined;
  if (dictKey) {
    const keyEnumRef = (dictKey["x-enum-reference"] as JsonObject | undefined)?.$ref;
    const e = typeof keyEnumRef === "string" ? enumOf(schemas, keyEnumRef) : undefined;
    if (e) out.propertyNames = { enum: e.names };
    else if (dictKey.type === "integer") out.propertyNames = { pattern: INT_STRING };
  }
  if (node.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  return out;
}

let cache: { ajv: Ajv; vendored: VendoredSchemas } | undefined;

function load(): { ajv: Ajv; vendored: VendoredSchemas } {
  if (cache) return cache;
  const vendored = JSON.parse(fs.readFileSync(VENDORED_PATH, "utf8")) as VendoredSchemas;
  const schemas = vendored.components.schemas;
  const definitions: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas))
    definitions[name] = convert(schema, schemas);
  for (const [name, response] of Object.entries(vendored.components.responses)) {
    const schema = ((response as JsonObject).content as JsonObject)[
      "application/json"
    ] as JsonObject;
    definitions[`response:${name}`] = convert(schema.schema as Json, schemas);
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "bungie", definitions });
  cache = { ajv, vendored };
  return cache;
}

const compiled = new Map<string, ValidateFunction>();

function validator(ref: string): ValidateFunction {
  let fn = compiled.get(ref);
  if (!fn) {
    const { ajv } = load();
    fn = ajv.compile({ $ref: `bungie#/definitions/${ref}` });
    compiled.set(ref, fn);
  }
  return fn;
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

function format(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 20)
    .map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** Validate a whole envelope against the response schema of an operation (by operationId). */
export function validateOperationResponse(operationId: string, body: unknown): ValidationResult {
  const op = load().vendored.operations[operationId];
  if (!op) throw new Error(`no vendored schema for ${operationId}`);
  const fn = validator(`response:${op.response}`);
  const valid = fn(body) as boolean;
  return { valid, errors: format(fn.errors) };
}

/** Validate one definition (e.g. a DestinyInventoryItemDefinition entry). */
export function validateDefinition(schemaName: string, value: unknown): ValidationResult {
  const fn = validator(schemaName);
  const valid = fn(value) as boolean;
  return { valid, errors: format(fn.errors) };
}

export function vendoredOperations(): VendoredSchemas["operations"] {
  return load().vendored.operations;
}
