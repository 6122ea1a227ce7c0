import { render } from "@react-email/render";
import type { ReactElement } from "react";

export type RenderedEmail = { html: string; text: string };

/**
 * A react-email template as HTML and as plain text (sent together as multipart/alternative).
 * Needs react-dom/server: it runs in route handlers, server actions and the digest script, but
 * not under the `react-server` condition (see scripts/digest.ts).
 */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
