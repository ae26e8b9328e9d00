import { timingSafeEqual } from 'node:crypto';

/** What `/metrics` answers a scrape, the same in every process that serves it. */
export type ScrapeCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly code: 'metrics_disabled' | 'metrics_token_missing' | 'metrics_token_invalid';
      readonly message: string;
    };

/** The `WWW-Authenticate` challenge sent with a 401. */
export const SCRAPE_CHALLENGE = 'Bearer realm="metrics"';

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * `/metrics` names portals' volumes, error codes and queue depth: only the scraper holding the
 * configured bearer token (`METRICS_TOKEN`) may read it, compared in constant time. With no token
 * configured nobody can (fail closed).
 */
export function checkScrapeToken(authorization: string | undefined, token: string | undefined): ScrapeCheck {
  if (!token) {
    return {
      ok: false,
      status: 403,
      code: 'metrics_disabled',
      message: 'Metrics are off: set METRICS_TOKEN to scrape them',
    };
  }
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (sameSecret(presented, token)) return { ok: true };
  return presented
    ? { ok: false, status: 401, code: 'metrics_token_invalid', message: 'The metrics token is not valid' }
    : {
        ok: false,
        status: 401,
        code: 'metrics_token_missing',
        message: 'Send the metrics token as Authorization: Bearer',
      };
}
