import { describe, expect, it } from '@jest/globals';
import { createWorkerMetrics } from './worker-metrics.ts';

describe('the worker metrics', () => {
  it('labels API calls by side and status: ok, the HTTP status (429 for rate limits), timeout, error', async () => {
    const metrics = createWorkerMetrics();
    for (const outcome of ['ok', 'ok', 429, 503, 'timeout', 'network'] as const)
      metrics.recordApiCall('hubspot', outcome);
    metrics.recordApiCall('quickbooks', 429);
    const text = await metrics.registry.metrics();
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="ok"} 2');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="429"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="503"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="timeout"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="hubspot",status="error"} 1');
    expect(text).toContain('ledgersync_api_calls_total{side="quickbooks",status="429"} 1');
  });

  it('counts jobs by task and outcome and observes change-to-write times from drain reports, in seconds', async () => {
    const metrics = createWorkerMetrics();
    metrics.recordJob('sync-portal', 'succeeded');
    metrics.recordJob('sync-portal', 'retried');
    metrics.recordDrain({
      claimed: 2,
      processed: 2,
      deferred: 0,
      writes: 2,
      failures: 0,
      connectionError: null,
      changeToWrite: [
        { from: 'hubspot', ms: 1_500 },
        { from: 'quickbooks', ms: 45_000 },
      ],
      stages: [{ from: 'hubspot', ms: { notice: 200, queue: 1_000, write: 300 } }],
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('ledgersync_jobs_total{task="sync-portal",outcome="succeeded"} 1');
    expect(text).toContain('ledgersync_jobs_total{task="sync-portal",outcome="retried"} 1');
    expect(text).toContain('ledgersync_change_to_write_seconds_bucket{le="2",from="hubspot"} 1');
    expect(text).toContain('ledgersync_change_to_write_seconds_bucket{le="30",from="quickbooks"} 0');
    expect(text).toContain('ledgersync_change_to_write_seconds_sum{from="quickbooks"} 45');
    expect(text).toContain('ledgersync_change_stage_seconds_sum{stage="notice",from="hubspot"} 0.2');
    expect(text).toContain('ledgersync_change_stage_seconds_sum{stage="queue",from="hubspot"} 1');
    expect(text).toContain(
      'ledgersync_change_stage_seconds_bucket{le="0.25",stage="write",from="hubspot"} 0',
    );
    // The process's own series come with it.
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });
});
