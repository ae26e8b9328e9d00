import type { Clock } from '@ledgersync/sync-engine';

/**
 * Time that runs ahead of the wall clock when somebody waits: a client's backoff, a rate-limit
 * hold or the drain's retry delay passes at once, so a fault test takes no longer than its work
 * and asserts nothing about speed. Never behind the wall clock, so rows stored with real
 * timestamps compare as they would in production.
 */
export interface VirtualTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  readonly clock: Clock;
  /** Total time waited through `sleep` (backoffs and holds), for the report. */
  waitedMs(): number;
}

export function virtualTime(): VirtualTime {
  let offset = 0;
  let waited = 0;
  const now = () => Date.now() + offset;
  return {
    now,
    async sleep(ms) {
      offset += ms;
      waited += ms;
      await new Promise((r) => setImmediate(r));
    },
    advance(ms) {
      offset += ms;
    },
    clock: { now: () => new Date(now()) },
    waitedMs: () => waited,
  };
}
