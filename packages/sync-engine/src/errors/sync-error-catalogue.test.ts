import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { EXCLUSION_REASONS } from './exclusion-reason.ts';
import { SYNC_ERROR_CATALOGUE, syncError } from './sync-error-catalogue.ts';
import { SYNC_ERROR_CODES } from './sync-error-code.ts';

describe('error catalogue', () => {
  it('R-VIS-4: every code has a category, a title, a plain explanation and a fix', () => {
    for (const code of SYNC_ERROR_CODES) {
      const info = SYNC_ERROR_CATALOGUE[code];
      expect(['data', 'configuration', 'connection', 'transient']).toContain(info.category);
      expect(info.title.length).toBeGreaterThan(3);
      expect(info.explanation.length).toBeGreaterThan(20);
      expect(info.fix.length).toBeGreaterThan(5);
    }
    expect(Object.keys(SYNC_ERROR_CATALOGUE).sort()).toEqual([...SYNC_ERROR_CODES].sort());
  });

  it('R-VIS-4: every R-ERR of docs/REQUIREMENTS.md is covered by a code', () => {
    const covered = new Set(Object.values(SYNC_ERROR_CATALOGUE).flatMap((i) => i.requirement.split(/,\s*/)));
    const required = ['R-ERR-1', 'R-ERR-2', 'R-ERR-3', 'R-ERR-4', 'R-ERR-5', 'R-ERR-6', 'R-ERR-7'];
    const doc = readFileSync(new URL('../../../../docs/REQUIREMENTS.md', import.meta.url), 'utf8');
    const fromDoc = [...doc.matchAll(/^- \*\*(R-ERR-\d+)\*\*/gm)].map((m) => m[1]!);
    expect(fromDoc).toEqual(expect.arrayContaining(required));
    for (const id of new Set([...required, ...fromDoc])) expect(covered).toContain(id);
  });

  it('R-VIS-4: the errors the article quotes keep its title word for word, as docs/REQUIREMENTS.md gives it', () => {
    const doc = readFileSync(new URL('../../../../docs/REQUIREMENTS.md', import.meta.url), 'utf8');
    const quoted = (id: string) =>
      new RegExp(`^- \\*\\*${id}\\*\\* "([^"]+)"`, 'm').exec(doc.replace(/\n {2}/g, ' '))?.[1];
    expect(SYNC_ERROR_CATALOGUE.invoice_customer_missing.title).toBe(quoted('R-ERR-1'));
    expect(SYNC_ERROR_CATALOGUE.duplicate_display_name.title).toBe(quoted('R-ERR-2'));
    expect(SYNC_ERROR_CATALOGUE.service_date_required.title).toBe(quoted('R-ERR-3'));
    expect(SYNC_ERROR_CATALOGUE.hubspot_native_edited_in_quickbooks.title).toBe(quoted('R-ERR-4'));
  });

  it('R-ERR-2: the fix names only what the admin can do', () => {
    expect(SYNC_ERROR_CATALOGUE.duplicate_display_name.fix).not.toContain('Avoid duplicate display names');
    expect(SYNC_ERROR_CATALOGUE.duplicate_display_name.fix).toContain('Resync');
  });

  it('R-ERR-7: connection and transient errors retry by themselves; data errors wait for a fix', () => {
    expect(syncError('rate_limited', 'x').retryable).toBe(true);
    expect(syncError('remote_unavailable', 'x').retryable).toBe(true);
    expect(syncError('authorization_expired', 'x').retryable).toBe(true);
    expect(SYNC_ERROR_CATALOGUE.authorization_revoked.category).toBe('connection');
    expect(syncError('invoice_customer_missing', 'x').retryable).toBe(false);
  });

  it('exclusion reasons cover draft, not HubSpot source, before sync start, filtered and no SKU', () => {
    for (const r of ['draft', 'not_hubspot_source', 'before_sync_start', 'filtered', 'no_sku']) {
      expect(Object.keys(EXCLUSION_REASONS)).toContain(r);
    }
  });
});
