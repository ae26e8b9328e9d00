import { describe, expect, it } from '@jest/globals';
import { EXPORT_LINK_LIFETIME_MS, signExportLink, verifyExportLink } from './export-link-token.ts';

const SECRET = 's'.repeat(40);
const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const claims = {
  portalId: '6f1c1f57-3a1e-4d0e-9f5c-2b1b2a3c4d5e',
  hubId: '1000',
  before: null,
  expiresAtMs: NOW + EXPORT_LINK_LIFETIME_MS,
};

describe('export link token', () => {
  it('verifies a fresh token for its own portal until it expires', () => {
    const token = signExportLink(SECRET, claims);
    expect(verifyExportLink(SECRET, token, '1000', NOW)).toEqual({ ok: true, claims });
    expect(verifyExportLink(SECRET, token, '1000', NOW + EXPORT_LINK_LIFETIME_MS - 1).ok).toBe(true);
    expect(verifyExportLink(SECRET, token, '1000', NOW + EXPORT_LINK_LIFETIME_MS)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a token used for another portal', () => {
    const token = signExportLink(SECRET, claims);
    expect(verifyExportLink(SECRET, token, '1001', NOW)).toEqual({ ok: false, reason: 'wrong_portal' });
  });

  it('refuses altered, re-signed, truncated and malformed tokens', () => {
    const token = signExportLink(SECRET, claims);
    const [, payload, mac] = token.split('.') as [string, string, string];
    const longer = Buffer.from(JSON.stringify({ ...claims, expiresAtMs: NOW + 86_400_000 })).toString(
      'base64url',
    );
    const otherPortal = Buffer.from(JSON.stringify({ ...claims, hubId: '1001' })).toString('base64url');
    for (const bad of [
      `v1.${longer}.${mac}`,
      `v1.${otherPortal}.${mac}`,
      signExportLink('another-secret-of-40-characters-xxxxxxxx', claims),
      `v1.${payload}.${mac.slice(0, -2)}`,
      `v2.${payload}.${mac}`,
      `v1.${payload}`,
      `${token}.extra`,
      '',
      'v1.bm90LWpzb24.abc',
    ]) {
      expect({ bad, check: verifyExportLink(SECRET, bad, '1000', NOW) }).toEqual({
        bad,
        check: { ok: false, reason: 'invalid' },
      });
    }
  });
});
