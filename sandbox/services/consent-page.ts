// The consent page, in Bungie.net's dark look. Self-contained (inline CSS, no scripts), with
// stable accessible names for automation: one radio per account labelled with its Bungie
// name, and "Approve" / "Deny" buttons.
import type { SandboxState } from "../state";
import type { BungieUser } from "../world/types";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#0b0d10 radial-gradient(ellipse at top,#1c2530 0,#0b0d10 60%);color:#e8e8e8;font:15px/1.5 "Helvetica Neue",Helvetica,Arial,sans-serif}
header{display:flex;align-items:center;gap:12px;padding:14px 28px;background:#000;border-bottom:1px solid #2a2f36}
.logo{font-weight:800;letter-spacing:.32em;font-size:18px;color:#fff}
.tag{font-size:11px;letter-spacing:.12em;text-transform:uppercase;color:#8a939e;border:1px solid #2f3640;padding:2px 8px;border-radius:2px}
main{max-width:560px;margin:48px auto;padding:0 20px}
.card{background:#15191e;border:1px solid #2a2f36;border-radius:4px;box-shadow:0 10px 40px rgba(0,0,0,.5)}
.card h1{margin:0;padding:24px 28px 8px;font-size:22px;font-weight:600}
.card p.lead{margin:0;padding:0 28px 18px;color:#a9b1bb}
.section{padding:18px 28px;border-top:1px solid #23282f}
.section h2{margin:0 0 10px;font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:#8a939e}
ul.perms{margin:0;padding-left:18px;color:#c7ccd2}
.account{display:flex;gap:12px;align-items:flex-start;padding:10px 12px;margin:6px 0;border:1px solid #2a2f36;border-radius:3px;cursor:pointer;background:#101317}
.account:hover{border-color:#4b87c5}
.account input{margin-top:4px;accent-color:#4b87c5}
.name{font-weight:600;color:#fff}
.code{color:#8a939e;font-weight:400}
.blurb{display:block;color:#8a939e;font-size:13px}
.actions{display:flex;gap:12px;justify-content:flex-end;padding:18px 28px 24px;border-top:1px solid #23282f}
button{font:inherit;font-weight:600;letter-spacing:.04em;padding:10px 26px;border-radius:2px;cursor:pointer;border:1px solid transparent}
.approve{background:#4b87c5;color:#fff}
.approve:hover{background:#5c9be0}
.deny{background:transparent;color:#c7ccd2;border-color:#3a414b}
.deny:hover{border-color:#8a939e}
footer{text-align:center;color:#5d6570;font-size:12px;margin:28px 0}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Bungie.net</title>
<style>${STYLE}</style>
</head>
<body>
<header><span class="logo">BUNGIE</span><span class="tag">Sandbox</span></header>
<main>${body}</main>
<footer>Local Bungie.net sandbox. No real accounts are involved.</footer>
</body>
</html>`;
}

function bungieName(user: BungieUser): string {
  return `${user.bungieGlobalDisplayName}#${String(user.bungieGlobalDisplayNameCode).padStart(4, "0")}`;
}

export function renderConsentPage(
  state: SandboxState,
  params: URLSearchParams,
  users: readonly BungieUser[],
): string {
  const hidden = ["client_id", "response_type", "state", "redirect_uri"]
    .filter((name) => params.has(name))
    .map(
      (name) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? "")}">`,
    )
    .join("\n");
  const accounts = users
    .map((user, i) => {
      const id = `account-${escapeHtml(user.key ?? user.membershipId)}`;
      return `<label class="account" for="${id}">
<input type="radio" id="${id}" name="account" value="${escapeHtml(user.key ?? "")}"${i === 0 ? " checked" : ""}>
<span><span class="name">${escapeHtml(user.bungieGlobalDisplayName)}<span class="code">#${String(user.bungieGlobalDisplayNameCode).padStart(4, "0")}</span></span>
<span class="blurb">${escapeHtml(user.blurb ?? "")}</span></span>
</label>`;
    })
    .join("\n");
  const action = `${state.options.basePath}/en/OAuth/Authorize`;
  return page(
    "Authorize application",
    `<form class="card" method="post" action="${escapeHtml(action)}">
<h1>Authorize Warmind</h1>
<p class="lead">This application is requesting access to your Bungie.net account.</p>
<div class="section"><h2>It will be able to</h2>
<ul class="perms">
<li>Read your Destiny 2 information (vault, inventory, and vendors), as well as your Destiny 1 information</li>
<li>Move or equip Destiny gear and other items</li>
<li>Read your Bungie.net notifications, memberships, and recent activity</li>
</ul></div>
<fieldset class="section" style="border:0;margin:0"><legend style="padding:0"><h2>Sign in as</h2></legend>
${accounts}
${
  state.copies
    ? `<p class="blurb" data-testid="copy-note">You get a private copy of the account you pick: nobody else sees what you change, and it is deleted after ${Math.round(state.copies.idleMs / 3_600_000)} hours without use.</p>`
    : ""
}
</fieldset>
${hidden}
<div class="actions">
<button type="submit" class="approve" name="decision" value="approve">Approve</button>
<button type="submit" class="deny" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

export function renderErrorPage(_state: SandboxState, title: string, message: string): string {
  return page(
    title,
    `<div class="card"><h1>${escapeHtml(title)}</h1><p class="lead">${escapeHtml(message)}</p></div>`,
  );
}

export { bungieName };
