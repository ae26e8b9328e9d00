import type { ScenarioResult } from '../scenarios/scenario-result.ts';

const s = (ms: number | undefined) => (ms === undefined ? '' : (ms / 1000).toFixed(1));

/** The console table: one row per scenario, times in seconds, calls as made/minimum. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => ({
    scenario: r.name,
    size: String(r.size),
    'wall s': s(r.wallMs),
    'floor s': s(r.floorMs),
    ratio: r.ratio === null ? '-' : r.ratio.toFixed(2),
    'HubSpot calls': `${r.calls.hubspot}/${r.minimumCalls.hubspot}`,
    'QBO calls': `${r.calls.quickbooks}/${r.minimumCalls.quickbooks}`,
    '429s': String(r.http429),
    'RSS MB': r.peakRssMb.toFixed(0),
    correct: r.correct ? 'yes' : `NO: ${r.detail}`,
    latency:
      r.p50Ms === undefined ? '' : `p50 ${s(r.p50Ms)} p95 ${s(r.p95Ms)} p99 ${s(r.p99Ms)} max ${s(r.maxMs)}`,
    fairness: r.slowestToMedian === undefined ? '' : `${r.slowestToMedian}× median`,
    peaks:
      r.peaks === undefined
        ? ''
        : `QBO ${r.peaks.quickbooksPerMinute}/min ${r.peaks.quickbooksBatchesPerMinute} batches/min ` +
          `${r.peaks.quickbooksInFlight} at once; HubSpot ${r.peaks.hubspotPer10s}/10 s ` +
          `${r.peaks.hubspotSearchesPerSecond} searches/s`,
  }));
  const columns = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const width = (c: (typeof columns)[number]) => Math.max(c.length, ...rows.map((r) => r[c].length));
  const line = (cells: (c: (typeof columns)[number]) => string) =>
    `| ${columns.map((c) => cells(c).padEnd(width(c))).join(' | ')} |`;
  return [line((c) => c), line((c) => '-'.repeat(width(c))), ...rows.map((r) => line((c) => r[c]))].join(
    '\n',
  );
}
