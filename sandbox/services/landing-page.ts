// A small page at the sandbox root: what it is, the registration to configure, and links.
import type { SandboxState } from "../state";
import { escapeHtml } from "./consent-page";
import { consentUsers } from "./oauth";

export function renderLandingPage(state: SandboxState): string {
  const o = state.options;
  const b = o.basePath;
  const users = consentUsers(state)
    .map(
      (u) =>
        `<li><code>${escapeHtml(u.key ?? "")}</code>: ${escapeHtml(u.bungieGlobalDisplayName)}#${String(u.bungieGlobalDisplayNameCode).padStart(4, "0")}</li>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bungie.net sandbox</title>
<style>body{background:#0b0d10;color:#e8e8e8;font:15px/1.6 Helvetica,Arial,sans-serif;max-width:720px;margin:40px auto;padding:0 20px}code{color:#9cc7f0}a{color:#5c9be0}</style></head>
<body><h1>Bungie.net sandbox</h1>
<p>A local stand-in for Bungie.net. Register your app with:</p>
<ul><li>API key: <code>${escapeHtml(o.apiKey)}</code></li><li>OAuth client_id: <code>${escapeHtml(o.clientId)}</code>, client_secret: <code>${escapeHtml(o.clientSecret)}</code></li>
<li>Redirect URL: <code>${escapeHtml(o.redirectUrl)}</code></li>
<li>Authorize: <code>${escapeHtml(b)}/en/OAuth/Authorize</code>, token: <code>${escapeHtml(b)}/Platform/App/OAuth/token/</code></li></ul>
<p>Demo accounts:</p><ul>${users}</ul>
<p><a href="${escapeHtml(b)}/Platform/Destiny2/Manifest/">Manifest</a> (needs X-API-Key)${
    o.control
      ? ` · <a href="${escapeHtml(b)}/__sandbox/users">Users</a> · <a href="${escapeHtml(b)}/__sandbox/config">Config</a>`
      : ""
  }</p>
</body></html>`;
}
