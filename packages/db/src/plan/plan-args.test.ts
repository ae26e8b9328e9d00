import { describe, expect, it } from '@jest/globals';
import { parsePlanArgs } from './plan-args.ts';

describe('plan:set arguments (R-CON-8)', () => {
  it('takes a HubSpot account id and a plan', () => {
    expect(parsePlanArgs(['--portal', '12345', '--plan', 'professional'])).toEqual({
      ok: true,
      hubId: 12345n,
      plan: 'professional',
    });
    expect(parsePlanArgs(['--plan=free', '--portal=9007199254740993'])).toEqual({
      ok: true,
      hubId: 9007199254740993n,
      plan: 'free',
    });
  });

  it('names an unknown plan and the plans there are', () => {
    const r = parsePlanArgs(['--portal', '1', '--plan', 'gold']);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('unknown plan "gold"') });
    expect(r.ok ? '' : r.error).toContain('free, starter, professional, enterprise');
  });

  it('refuses a missing or malformed portal, a missing plan and unknown options', () => {
    expect(parsePlanArgs(['--plan', 'free'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('--portal is required'),
    });
    expect(parsePlanArgs(['--portal', 'abc', '--plan', 'free'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('digits'),
    });
    expect(parsePlanArgs(['--portal', '1'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('--plan is required'),
    });
    expect(parsePlanArgs(['--portal', '1', '--plan', 'free', '--force'])).toMatchObject({ ok: false });
  });
});
