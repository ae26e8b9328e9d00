import { describe, expect, it } from '@jest/globals';
import { createReplayGuard } from './replay-guard.ts';

describe('replay guard', () => {
  it('accepts a signature once within the window and forgets it after', () => {
    const guard = createReplayGuard(1000);
    expect(guard.firstUse('a', 0)).toBe(true);
    expect(guard.firstUse('a', 500)).toBe(false);
    expect(guard.firstUse('b', 1500)).toBe(true);
    expect(guard.firstUse('a', 1600)).toBe(true);
  });
});
