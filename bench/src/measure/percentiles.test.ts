import { describe, expect, it } from '@jest/globals';
import { median, percentile } from './percentiles.ts';

describe('percentiles (nearest rank)', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);

  it('picks the value at the rank, whatever the order', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('is 0 without samples', () => {
    expect(percentile([], 95)).toBe(0);
  });
});
