// The sandbox's OAuth consent page, answered as a player would: approve as `account` (the form
// takes any account key, including generated `load-N` players it does not list).

/** Where the consent form posts (as written in the page, maybe relative) and the form's body. */
export function approveConsent(html: string, account: string): { action: string; body: string } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("no consent form");
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(match[1]!, unescapeHtml(match[2]!));
  }
  fields.set("account", account);
  fields.set("decision", "approve");
  return { action: unescapeHtml(action), body: fields.toString() };
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
