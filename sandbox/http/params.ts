// Parsing path/query/body parameters the way Bungie rejects them: a non-numeric id is a
// ParameterParseFailure (7), a body missing fields is InvalidParameters (18).
import { readBodyText } from "./body";
import { platformError } from "./envelope";

export class ParamError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
  toResponse(response?: unknown): Response {
    return platformError(this.code, response === undefined ? {} : { response });
  }
}

export function int32Param(value: string | undefined, name: string): number {
  if (value === undefined || !/^-?\d+$/.test(value))
    throw new ParamError(7, `${name} is not an integer`);
  return Number(value);
}

/** int64 ids: digits only, returned as the string Bungie uses everywhere. */
export function int64Param(value: string | undefined, name: string): string {
  if (value === undefined || !/^-?\d+$/.test(value))
    throw new ParamError(7, `${name} is not an int64`);
  return value.replace(/^(-?)0+(?=\d)/, "$1");
}

/** Body fields: int64 arrive as strings (or numbers, which lose precision above 2^53). */
export function bodyInt64(body: Record<string, unknown>, name: string): string {
  return int64Value(body[name], name);
}

export function int64Value(value: unknown, name: string): string {
  if (typeof value === "string" && /^-?\d+$/.test(value))
    return value.replace(/^(-?)0+(?=\d)/, "$1");
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value).toString();
  throw new ParamError(18, `${name} missing or invalid`);
}

export function bodyInt(body: Record<string, unknown>, name: string, fallback?: number): number {
  const value = body[name];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  throw new ParamError(18, `${name} missing or invalid`);
}

export function bodyBool(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new ParamError(18, `${name} missing or invalid`);
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await readBodyText(request));
  } catch {
    throw new ParamError(18, "body is not JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new ParamError(18, "body is not an object");
  return value as Record<string, unknown>;
}
