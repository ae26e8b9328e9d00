import type { FastifyReply, FastifyRequest } from 'fastify';

/** What the admin reads, per error code, and what to do next. */
const PAGES: Record<string, { title: string; next: string }> = {
  invalid_state: {
    title: 'This sign-in link has expired',
    next: 'Close this tab and start again from the LedgerSync settings page in HubSpot.',
  },
  authorization_denied: {
    title: 'Access was not granted',
    next: 'LedgerSync needs your approval to sync. Start again from the LedgerSync settings page in HubSpot and choose Connect.',
  },
  realm_missing: {
    title: 'No QuickBooks company was chosen',
    next: 'Start again from the LedgerSync settings page in HubSpot and pick a company in QuickBooks.',
  },
  portal_connected_to_other_realm: {
    title: 'Already connected to another QuickBooks company',
    next: 'In the LedgerSync settings page in HubSpot, disconnect the current company first, then connect this one.',
  },
  realm_linked_to_other_portal: {
    title: 'This QuickBooks company is connected to another HubSpot account',
    next: 'Disconnect it in the LedgerSync settings of the other HubSpot account first, or choose another company.',
  },
  connect_browser_mismatch: {
    title: 'Finish connecting in the browser where you started',
    next: 'Open the LedgerSync settings page in HubSpot in this browser and choose Connect QuickBooks again. A connect link works only in the browser that opened it: do not forward it to anyone.',
  },
  connect_link_used: {
    title: 'This connect link was already opened',
    next: 'Each connect link works once, in one browser. Start again from the LedgerSync settings page in HubSpot and choose Connect QuickBooks.',
  },
  invalid_request: {
    title: 'This sign-in link is not complete',
    next: 'Start again from the LedgerSync settings page in HubSpot.',
  },
  rate_limited: {
    title: 'Too many attempts',
    next: 'Wait a minute, then start again from the LedgerSync settings page in HubSpot.',
  },
};
const FALLBACK = {
  title: 'Something went wrong',
  next: 'Try again from the LedgerSync settings page in HubSpot. If it keeps failing, contact support and quote the reference below.',
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A browser asks for HTML; API clients (and anything asking for JSON) keep the JSON body. */
export function wantsHtml(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '').toLowerCase();
  return accept.includes('text/html') && !accept.includes('application/json');
}

export function renderOAuthErrorPage(error: {
  error?: string;
  message?: string;
  requestId?: string;
}): string {
  const page = PAGES[error.error ?? ''] ?? FALLBACK;
  const reference = error.requestId ? `<p class="ref">Reference: ${escapeHtml(error.requestId)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LedgerSync: ${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#33475b}h1{font-size:1.4rem}.ref{color:#7c98b6;font-size:.85rem}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(error.message ?? '')}</p>
<p><strong>What to do:</strong> ${escapeHtml(page.next)}</p>
${reference}
</body>
</html>
`;
}

/**
 * The OAuth callbacks are where an admin's browser lands: an error there is shown as a short page
 * naming the problem and the next step, not raw JSON. `Accept: application/json` keeps the JSON.
 */
export async function oauthErrorPages(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode < 400 || typeof payload !== 'string' || !wantsHtml(request)) return payload;
  if (!String(reply.getHeader('content-type') ?? '').includes('application/json')) return payload;
  let body: { error?: string; message?: string; requestId?: string };
  try {
    body = JSON.parse(payload);
  } catch {
    return payload;
  }
  reply.type('text/html; charset=utf-8');
  return renderOAuthErrorPage(body);
}
