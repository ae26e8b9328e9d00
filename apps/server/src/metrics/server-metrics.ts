import { countQueuedJobs, type Db } from '@ledgersync/db';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One registry per server instance (never prom-client's global one), so tests and several apps in
 * one process (the sandbox) do not collide. Database-derived gauges are read at scrape time.
 */
export function createServerMetrics(db?: Db) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'ledgersync_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ledgersync_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  const webhookEvents = new Counter({
    name: 'ledgersync_webhook_events_total',
    help: 'Webhook events by side and outcome (stored, duplicate, unknown_account, ignored)',
    labelNames: ['side', 'outcome'] as const,
    registers: [registry],
  });
  const webhookRejected = new Counter({
    name: 'ledgersync_webhook_rejected_total',
    help: 'Webhook deliveries refused, by side and reason',
    labelNames: ['side', 'reason'] as const,
    registers: [registry],
  });
  const apiCalls = new Counter({
    name: 'ledgersync_api_calls_total',
    help: 'Calls this process made to HubSpot or QBO, by side and status (429 counts rate limits)',
    labelNames: ['side', 'status'] as const,
    registers: [registry],
  });
  if (db) {
    new Gauge({
      name: 'ledgersync_notices_pending',
      help: 'Change notices stored and not yet processed',
      registers: [registry],
      async collect() {
        this.set(await db.changeNotice.count({ where: { processedAt: null } }));
      },
    });
    new Gauge({
      name: 'ledgersync_jobs_queued',
      help: 'Jobs in the graphile-worker queue (waiting or running)',
      registers: [registry],
      async collect() {
        this.set(await countQueuedJobs(db));
      },
    });
    new Gauge({
      name: 'ledgersync_sync_records',
      help: 'Linked records by object, status and error code (sync outcomes)',
      labelNames: ['object', 'status', 'code'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await db.recordLink.groupBy({
          by: ['object', 'status', 'errorCode'],
          _count: { _all: true },
        });
        for (const r of rows) {
          this.set({ object: r.object, status: r.status, code: r.errorCode ?? '' }, r._count._all);
        }
      },
    });
  }
  return { registry, requests, duration, webhookEvents, webhookRejected, apiCalls };
}
export type ServerMetrics = ReturnType<typeof createServerMetrics>;
