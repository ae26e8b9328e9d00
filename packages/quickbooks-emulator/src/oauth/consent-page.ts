interface ConsentQuery {
  client_id?: string | undefined;
  redirect_uri?: string | undefined;
  response_type?: string | undefined;
  scope?: string | undefined;
  state?: string | undefined;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The minimal "connect to QuickBooks" page: choose a company, then connect or cancel. */
export function consentPage(q: ConsentQuery, realms: Array<{ id: string; name: string }>): string {
  const hidden = (['client_id', 'redirect_uri', 'response_type', 'scope', 'state'] as const)
    .filter((k) => q[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${esc(q[k] as string)}">`)
    .join('');
  const options = [
    ...realms.map((r) => `<option value="${esc(r.id)}">${esc(r.name)} (${esc(r.id)})</option>`),
    '<option value="">New sandbox company</option>',
  ].join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Connect to QuickBooks (emulator)</title></head>
<body><h1>Connect to QuickBooks</h1><p>The app is asking for: ${esc(q.scope ?? '')}</p>
<form method="get" action="/connect/oauth2/approve">${hidden}
<label>Company <select name="realmId">${options}</select></label>
<button type="submit" name="decision" value="allow">Connect</button>
<button type="submit" name="decision" value="deny">Cancel</button></form></body></html>`;
}
