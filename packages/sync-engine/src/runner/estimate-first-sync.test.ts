import { describe, expect, it } from '@jest/globals';
import type { NaturalKey, Side } from '../index.ts';
import type { RecordCounter } from '../ports/record-counter.ts';
import { estimateFirstSync } from './estimate-first-sync.ts';

/** A side holding these emails (null: a record without one), listed `pageSize` at a time. */
function side(name: Side, emails: readonly (string | null)[], pageSize = 2) {
  const calls = { count: 0, list: 0, matches: 0 };
  const counter: RecordCounter = {
    side: name,
    async countRecords() {
      calls.count++;
      return { ok: true, value: emails.length };
    },
    async countMatches(keys: readonly NaturalKey[]) {
      calls.matches++;
      const wanted = new Set(keys.map((k) => k.value.toLowerCase()));
      return { ok: true, value: emails.filter((e) => e !== null && wanted.has(e.toLowerCase())).length };
    },
    async listNaturalKeys(_object, pageToken) {
      calls.list++;
      const start = Number(pageToken ?? 0);
      const page = emails.slice(start, start + pageSize);
      const keys = page.flatMap((value): NaturalKey[] =>
        value === null ? [] : [{ object: 'customer', field: 'email', value }],
      );
      const next = start + pageSize < emails.length ? String(start + pageSize) : null;
      return { ok: true, value: { keys, withoutKey: page.length - keys.length, nextPageToken: next } };
    },
  };
  return { counter, calls };
}

describe('estimateFirstSync (R-CON-7: the count before turning a rule on)', () => {
  it('counts matches by email on the other side and creates for the rest, page by page', async () => {
    const qbo = side('quickbooks', ['a@x.io', 'b@x.io', null, 'c@x.io', 'd@x.io']);
    const hubspot = side('hubspot', ['B@x.io', 'd@x.io', 'z@x.io']);
    const result = await estimateFirstSync(qbo.counter, hubspot.counter, 'customer');
    expect(result).toEqual({
      ok: true,
      value: { object: 'customer', sourceSide: 'quickbooks', total: 5, matches: 2, creates: 3 },
    });
    // One count call, three key pages, one lookup per page: never a read of every record.
    expect(qbo.calls).toEqual({ count: 1, list: 3, matches: 0 });
    expect(hubspot.calls).toEqual({ count: 0, list: 0, matches: 3 });
  });

  it('a refused count is reported, not guessed', async () => {
    const qbo = side('quickbooks', ['a@x.io']);
    qbo.counter.countRecords = async () => ({
      ok: false,
      error: { code: 'rate_limited', message: 'slow down', retryable: true },
    });
    const result = await estimateFirstSync(qbo.counter, side('hubspot', []).counter, 'customer');
    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
