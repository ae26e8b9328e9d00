import { describe, expect, it } from '@jest/globals';
import { IDEMPOTENCY_KEY_LENGTH, idempotencyKey } from './idempotency-key.ts';

describe('idempotencyKey (R-EDT-3: replays, never duplicates)', () => {
  it('is stable for the same inputs and fits a QBO batch requestid (≤ 36)', () => {
    const a = idempotencyKey('portal-1', 'invoice', 'hubspot', '123', 4);
    expect(idempotencyKey('portal-1', 'invoice', 'hubspot', '123', 4)).toBe(a);
    expect(a).toHaveLength(IDEMPOTENCY_KEY_LENGTH);
    expect(a).toMatch(/^lsih[A-Za-z0-9_-]{32}$/);
  });

  it('changes with every input, including the link version and the action', () => {
    const base = idempotencyKey('p', 'invoice', 'hubspot', '1', 1);
    const variants = [
      idempotencyKey('q', 'invoice', 'hubspot', '1', 1),
      idempotencyKey('p', 'payment', 'hubspot', '1', 1),
      idempotencyKey('p', 'invoice', 'quickbooks', '1', 1),
      idempotencyKey('p', 'invoice', 'hubspot', '2', 1),
      idempotencyKey('p', 'invoice', 'hubspot', '1', 2),
      idempotencyKey('p', 'invoice', 'hubspot', '1', 1, 'void'),
    ];
    expect(new Set([base, ...variants]).size).toBe(7);
  });
});
