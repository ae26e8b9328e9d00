import type { Portal } from '../crm/portal.ts';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The install screen: pick an account, approve the scopes. Plain HTML, no script. */
export function authorizePage(
  appName: string,
  scopes: string[],
  portals: Portal[],
  approveUrl: (id: number) => string,
) {
  const rows = portals
    .map(
      (p) =>
        `<li><a href="${esc(approveUrl(p.settings.id))}">Connect account ${p.settings.id} (${p.settings.tier})</a></li>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Connect ${esc(appName)}</title></head>
<body><h1>Connect ${esc(appName)} to HubSpot (emulator)</h1>
<p>The app asks for: ${scopes.map((s) => `<code>${esc(s)}</code>`).join(', ')}</p>
<ul>${rows || '<li>No accounts yet: POST /_emulator/portals first, or add <code>auto=1</code>.</li>'}</ul></body></html>`;
}
