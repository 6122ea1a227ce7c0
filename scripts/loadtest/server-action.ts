// Calls a Next.js server action the way React's client does: a POST to the page with a
// `Next-Action` header and the arguments in React's reply encoding (`0` holds the argument
// list as JSON; a FormData argument becomes "$K<id>" with its fields prefixed "_<id>_", entries verbatim).
// The action ids come from the build's server-reference manifest.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { HttpSession, Timed } from "./http-session";

type ManifestEntry = { filename: string; exportedName: string };

/** `file#export` → action id, for a production build in `distDir`. */
export function readActionIds(distDir: string): Map<string, string> {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/** `action(previousState, formData)`, as useActionState calls it. */
export function encodeStateAndForm(
  previous: unknown,
  fields: Record<string, string | string[]>,
): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      body.append(`_1_${name}`, one);
    }
  }
  // Last, as React's client sends it: the server resolves the root as soon as it arrives
  // (it streams the multipart body), so the FormData's fields must already be there.
  body.set("0", JSON.stringify([previous, "$K1"]));
  return body;
}

export type ActionOutcome = Timed & { result: Record<string, unknown> | null };

export async function callAction(
  session: HttpSession,
  pagePath: string,
  actionId: string,
  body: FormData,
): Promise<ActionOutcome> {
  const timed = await session.request(pagePath, {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component" },
    body,
  });
  return { ...timed, result: parseActionResult(timed.body) };
}

/**
 * The action's return value in the RSC answer: the row `0` points at with `"a":"$@<row>"`.
 * Rows are `<hex id>:<json>\n`; only that row is parsed.
 */
export function parseActionResult(payload: string): Record<string, unknown> | null {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = root?.a;
    if (typeof ref !== "string" || !ref.startsWith("$@")) return null;
    const row = rows.get(ref.slice(2));
    return row ? (JSON.parse(row) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
