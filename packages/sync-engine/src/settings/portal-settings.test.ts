import { describe, expect, it } from '@jest/globals';
import { portalSettingsSchema } from './portal-settings.ts';

describe('portalSettingsSchema', () => {
  it('fills safe defaults: everything off, free tier, SKU required, duplicate avoidance off (R-FLT-3, R-ERR-2)', () => {
    const s = portalSettingsSchema.parse({ portalId: '42' });
    expect(s.planTier).toBe('free');
    expect(s.invoice.enabled).toBe(false);
    expect(s.product.requireSku).toBe(true);
    expect(s.customer.avoidDuplicateDisplayNames).toBe(false);
    expect(s.invoice.conflictPolicy).toEqual({ kind: 'prefer_hubspot' });
  });

  it('rejects an unknown conflict policy (R-MAP-2)', () => {
    const r = portalSettingsSchema.safeParse({
      portalId: '1',
      invoice: { conflictPolicy: { kind: 'newest' } },
    });
    expect(r.success).toBe(false);
  });
});
