import type { Floor } from '../measure/floor.ts';
import type { ApiCalls, SideCounts } from '../world/api-calls.ts';
import type { PeakUsage } from '../world/peak-usage-seen.ts';
import type { SyncRun } from './measure-sync.ts';

/** One row of `bench/results/<date>.json` (field names are fixed: earlier results stay comparable). */
export interface ScenarioResult {
  readonly name: string;
  readonly size: number;
  readonly wallMs: number;
  readonly floorMs: number;
  /** Strict lower bound: the first window's allowance spent at once (see README). */
  readonly burstFloorMs: number;
  readonly ratio: number | null;
  readonly calls: SideCounts;
  readonly callsByRoute?: ApiCalls['byRoute'];
  readonly minimumCalls: SideCounts;
  readonly http429: number;
  readonly peakRssMb: number;
  readonly correct: boolean;
  readonly detail: string;
  readonly p50Ms?: number;
  readonly p95Ms?: number;
  readonly p99Ms?: number;
  readonly maxMs?: number;
  readonly slowestToMedian?: number;
  /** The most calls in any window and the most in flight the emulators saw (two workers). */
  readonly peaks?: PeakUsage;
}

export const ratioOf = (wallMs: number, floorMs: number): number | null =>
  floorMs > 0 ? Math.round((wallMs / floorMs) * 100) / 100 : null;

/** The fields every sync scenario reports alike: the run's time, calls and memory against its floor. */
export function measuredAgainstFloor(
  run: SyncRun,
  floor: Floor,
): Pick<
  ScenarioResult,
  'wallMs' | 'floorMs' | 'burstFloorMs' | 'ratio' | 'calls' | 'callsByRoute' | 'http429' | 'peakRssMb'
> {
  return {
    wallMs: run.wallMs,
    floorMs: Math.round(floor.floorMs),
    burstFloorMs: Math.round(floor.burstFloorMs),
    ratio: ratioOf(run.wallMs, floor.floorMs),
    calls: run.calls,
    callsByRoute: run.byRoute,
    http429: run.http429.hubspot + run.http429.quickbooks,
    peakRssMb: run.peakRssMb,
  };
}
