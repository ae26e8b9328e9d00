import { describe, expect, it } from '@jest/globals';
import { mostInFlight, mostInWindow } from './peak-usage.ts';

describe('peak usage', () => {
  it('counts the most arrivals within any sliding window, not per fixed window', () => {
    // Fixed minutes would see 2 and 2; the minute from 50 s to 110 s holds 4.
    expect(mostInWindow([0, 50_000, 55_000, 100_000, 109_000, 170_000], 60_000)).toBe(4);
    expect(mostInWindow([0, 60_000], 60_000)).toBe(1);
    expect(mostInWindow([], 60_000)).toBe(0);
  });

  it('counts the most requests in flight at once; one ending as another starts is not two', () => {
    expect(
      mostInFlight([
        { from: 0, to: 10 },
        { from: 5, to: 20 },
        { from: 6, to: 7 },
        { from: 20, to: 30 },
      ]),
    ).toBe(3);
    expect(
      mostInFlight([
        { from: 0, to: 10 },
        { from: 10, to: 20 },
      ]),
    ).toBe(1);
  });
});
