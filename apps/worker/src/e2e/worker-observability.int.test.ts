import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createChangeIntake, SYNC_PORTAL_TASK } from '@ledgersync/jobs';
import { createPortsFor } from '@ledgersync/portal-adapters';
import { startTestWorld, syncingPortal, type TestWorld } from '@ledgersync/test-world';
import type { Runner } from 'graphile-worker';
import { startWorker } from '../create-worker.ts';
import { createWorkerMetrics } from '../metrics/worker-metrics.ts';
import { type OpsServer, startOpsServer } from '../ops/ops-server.ts';
import { workerHealthChecks } from '../ops/worker-health-checks.ts';
import { finalizedHubSpotInvoice, until } from './fixtures.ts';

const TOKEN = 'worker-metrics-token-for-tests';

// The worker wired as main.ts wires it: the factory's API-call observer and the job events feed
// one registry, which its ops listener serves with its health checks.
describe('the worker observed through /metrics and /healthz', () => {
  let world: TestWorld;
  let worker: Runner;
  let ops: OpsServer;
  let stopped = false;
  beforeAll(async () => {
    world = await startTestWorld();
    const metrics = createWorkerMetrics();
    worker = await startWorker({
      databaseUrl: world.databaseUrl,
      db: world.db,
      concurrency: 1,
      debounceMs: 0,
      pollEveryMinutes: 0,
      pollIntervalMs: 100,
      portsFor: createPortsFor({ ...world.adapterOptions, onApiCall: metrics.recordApiCall }),
      metrics,
    });
    ops = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      registry: metrics.registry,
      metricsToken: TOKEN,
      checks: workerHealthChecks(world.db, worker),
    });
  });
  afterAll(async () => {
    await ops.close();
    if (!stopped) await worker.stop();
    await world.close();
  });
  const get = (path: string) =>
    fetch(`http://127.0.0.1:${ops.port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const scrape = async () => (await get('/metrics')).text();
  const counter = (text: string, series: string) =>
    Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);

  it('a synced invoice: its job, the API calls of both sides and its change-to-write time', async () => {
    const p = await syncingPortal(world);
    const invoice = await finalizedHubSpotInvoice(p, 'observed@example.com');
    await createChangeIntake(world.db, { debounceMs: 0 }).record([
      {
        portalId: p.portalId,
        side: 'hubspot',
        object: 'invoice',
        recordId: invoice.id,
        eventId: 'observed-1',
      },
    ]);
    await until(async () =>
      Boolean(
        await world.db.recordLink.findFirst({
          where: { portalId: p.portalId, hubspotId: invoice.id, status: 'synced' },
        }),
      ),
    );
    await until(
      async () =>
        counter(await scrape(), `ledgersync_jobs_total{task="${SYNC_PORTAL_TASK}",outcome="succeeded"}`) > 0,
    );
    const text = await scrape();
    expect(counter(text, 'ledgersync_api_calls_total{side="hubspot",status="ok"}')).toBeGreaterThan(0);
    expect(counter(text, 'ledgersync_api_calls_total{side="quickbooks",status="ok"}')).toBeGreaterThan(0);
    expect(counter(text, 'ledgersync_change_to_write_seconds_count{from="hubspot"}')).toBe(1);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('a job that fails is counted as retried while attempts are left, then as failed', async () => {
    // Queued by hand with a payload its task refuses, and two attempts.
    await world.db.$executeRaw`SELECT graphile_worker.add_job(${SYNC_PORTAL_TASK}, '{"portal": "x"}'::json,
      job_key := 'observed-bad', max_attempts := 2, run_at := now())`;
    // graphile-worker waits about e^1 seconds before the second attempt.
    await until(
      async () =>
        counter(await scrape(), `ledgersync_jobs_total{task="${SYNC_PORTAL_TASK}",outcome="failed"}`) === 1,
    );
    expect(
      counter(await scrape(), `ledgersync_jobs_total{task="${SYNC_PORTAL_TASK}",outcome="retried"}`),
    ).toBe(1);
  });

  it('/healthz: ok while the runner runs and the database answers; unavailable once the runner has stopped', async () => {
    const live = await get('/healthz');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({
      status: 'ok',
      checks: { runner: 'ok', database: 'ok', queue: 'ok' },
    });
    stopped = true;
    await worker.stop();
    const down = await get('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { runner: 'stopped' } });
  });
});
