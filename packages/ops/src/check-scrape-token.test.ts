import { describe, expect, it } from '@jest/globals';
import { checkScrapeToken } from './check-scrape-token.ts';
import { healthReport } from './health-report.ts';

const token = 'metrics-token-for-tests';

describe('the /metrics scrape rule', () => {
  it('lets the bearer of the configured token in', () => {
    expect(checkScrapeToken(`Bearer ${token}`, token)).toEqual({ ok: true });
    expect(checkScrapeToken(`bearer ${token}`, token)).toEqual({ ok: true });
  });

  it('refuses a missing, wrong, truncated or non-bearer token with 401', () => {
    expect(checkScrapeToken(undefined, token)).toMatchObject({ status: 401, code: 'metrics_token_missing' });
    for (const authorization of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`]) {
      const check = checkScrapeToken(authorization, token);
      expect({ authorization, status: check.ok ? 200 : check.status }).toEqual({
        authorization,
        status: 401,
      });
    }
  });

  it('refuses everyone when no token is configured (fail closed)', () => {
    expect(checkScrapeToken(`Bearer ${token}`, undefined)).toMatchObject({
      status: 403,
      code: 'metrics_disabled',
    });
    expect(checkScrapeToken('Bearer ', '')).toMatchObject({ status: 403 });
  });
});

describe('health reports', () => {
  it('are ok only when every check is', () => {
    expect(healthReport({ database: 'ok', runner: 'ok' }).status).toBe('ok');
    expect(healthReport({ database: 'unreachable', runner: 'ok' })).toEqual({
      status: 'unavailable',
      checks: { database: 'unreachable', runner: 'ok' },
    });
  });
});
