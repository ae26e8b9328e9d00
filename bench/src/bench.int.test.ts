import { afterAll, describe, expect, it } from '@jest/globals';
import { parseBenchArgs } from './bench-config.ts';
import { runScenarios } from './run-scenarios.ts';
import type { ScenarioResult } from './scenarios/scenario-result.ts';

// The CI smoke of `npm run bench`: small sizes, correctness and counting only. Benchmarks carry no
// timing assertion; the timings these runs print are not looked at.

const results: ScenarioResult[] = [];
afterAll(() => {
  process.stdout.write(`${results.map((r) => `${r.name} ${r.size}: ${r.detail}`).join('\n')}\n`);
});

describe('bench smoke (N = 50)', () => {
  it('scenarios 1, 2 and 4 leave both sides equal with no duplicate, and count the calls and the floor', async () => {
    const config = parseBenchArgs([
      '--inbound=50',
      '--outbound=50',
      '--portals=2',
      '--burst=2',
      '--timeout-ms=90000',
    ]);
    results.push(...(await runScenarios(config, ['inbound', 'outbound', 'portals'])));
    expect(results.map((r) => [r.name, r.size, r.correct, r.detail])).toEqual([
      ['inbound initial sync', 50, true, 'ok'],
      ['outbound', 50, true, 'ok'],
      ['many portals', 2, true, 'ok'],
    ]);
    for (const r of results) {
      expect(r.calls.hubspot).toBeGreaterThan(0);
      expect(r.calls.quickbooks).toBeGreaterThan(0);
      const sum = (counts: Record<string, number> = {}) => Object.values(counts).reduce((a, b) => a + b, 0);
      expect(sum(r.callsByRoute?.hubspot)).toBe(r.calls.hubspot);
      expect(sum(r.callsByRoute?.quickbooks)).toBe(r.calls.quickbooks);
      expect(r.minimumCalls.hubspot).toBeGreaterThan(0);
      expect(r.floorMs).toBeGreaterThan(0);
      expect(r.peakRssMb).toBeGreaterThan(0);
      expect(r.slowestToMedian === undefined).toBe(r.name !== 'many portals');
    }
  }, 170_000);
});
