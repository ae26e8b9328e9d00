import { describe, expect, it } from '@jest/globals';
import { Emulator } from '../emulator.ts';

describe('rate limits by default', () => {
  it('admit 10 concurrent requests per realm, 500 per minute and 40 batches per minute', () => {
    const limiter = new Emulator({}).rateLimiter;
    const t = 1_000_000;
    for (let i = 0; i < 10; i += 1) expect(limiter.admit('r1', false, t)).toBe(true);
    expect(limiter.admit('r1', false, t)).toBe(false);
    expect(limiter.admit('r2', false, t)).toBe(true);
    for (let i = 0; i < 10; i += 1) limiter.release('r1');
    let admitted = 10;
    while (limiter.admit('r1', false, t + 1)) {
      limiter.release('r1');
      admitted += 1;
    }
    expect(admitted).toBe(500);
    expect(limiter.admit('r1', false, t + 60_001)).toBe(true);
    limiter.release('r1');
    let batches = 0;
    while (limiter.admit('r3', true, t)) {
      limiter.release('r3');
      batches += 1;
    }
    expect(batches).toBe(40);
  });

  it('can be turned off', () => {
    const limiter = new Emulator({ rateLimits: false }).rateLimiter;
    for (let i = 0; i < 1000; i += 1) expect(limiter.admit('r', true, 0)).toBe(true);
  });
});
