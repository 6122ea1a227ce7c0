import path from "node:path";
import type { Page } from "@playwright/test";
import {
  encodeStateAndForm,
  parseActionResult,
  readActionIds,
} from "../../scripts/loadtest/server-action";

// Calls a server action over HTTP the way React's client does, with any payload a forger could
// send, and reads its returned state.
const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");

/** The inventory action's state before anything happened. */
export const IDLE_ITEM = { status: "idle", message: "", notices: [], placements: [], writes: 0 };

export async function callAction(
  page: Page,
  pagePath: string,
  action: string,
  fields: Record<string, string | string[]>,
  previous: unknown = IDLE_ITEM,
) {
  const id = readActionIds(distDir).get(action);
  if (!id) throw new Error(`${action} is not in the build`);
  const response = await page.request.post(pagePath, {
    headers: { "next-action": id, accept: "text/x-component" },
    multipart: encodeStateAndForm(previous, fields),
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), result: parseActionResult(text), text };
}
