// The small pages email links open. They stand alone (no session, no app shell): the link may
// be opened in a phone's mail app, signed in nowhere.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function linkPage(options: {
  title: string;
  message: string;
  status?: number;
  /**
   * A button that POSTs to `action`, with `fields` as hidden inputs: what a link must not do on
   * a GET (mail scanners follow links) happens only when a person presses it.
   */
  form?: { action: string; label: string; fields?: Record<string, string> };
  link?: { href: string; label: string };
}): Response {
  const hidden = Object.entries(options.form?.fields ?? {})
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join("");
  const form = options.form
    ? `<form method="post" action="${escapeHtml(options.form.action)}">${hidden}<button type="submit">${escapeHtml(options.form.label)}</button></form>`
    : "";
  const link = options.link
    ? `<p><a href="${escapeHtml(options.link.href)}">${escapeHtml(options.link.label)}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(options.title)} · Warmind</title>
<style>
  :root { color-scheme: dark; }
  body { margin: 0; background: #0b0d12; color: #e8ecf3; font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
  main { max-width: 32rem; margin: 12vh auto 0; padding: 1.5rem; background: #151923; border: 1px solid #2c3445; border-radius: 0.5rem; }
  .mark { color: #f2c14e; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase; font-size: 0.8rem; }
  h1 { font-size: 1.5rem; margin: 0.5rem 0; }
  p { color: #a3acbd; }
  a { color: #f2c14e; }
  button { font: inherit; font-weight: 600; background: #f2c14e; color: #1a1406; border: 0; border-radius: 0.375rem; padding: 0.6rem 1rem; cursor: pointer; }
  :focus-visible { outline: 2px solid #f2c14e; outline-offset: 2px; }
</style></head>
<body><main><div class="mark">Warmind</div><h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>${form}${link}</main></body></html>`;
  return new Response(html, {
    status: options.status ?? 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
