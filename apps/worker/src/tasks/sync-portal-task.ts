import { createPrismaSyncStore, type Db } from '@ledgersync/db';
import { parseJobPayload, portalQueueName, SYNC_PORTAL_TASK, syncPortalRetryJobKey } from '@ledgersync/jobs';
import type { PortsFor } from '@ledgersync/portal-adapters';
import { type Clock, type DrainOptions, type DrainReport, drainPortal } from '@ledgersync/sync-engine';
import type { JobHelpers, Task } from 'graphile-worker';
import { portalGate } from '../portal-gate.ts';

export interface SyncPortalDeps {
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock: Clock;
  readonly drain?: DrainOptions;
  /** Drain passes per job before handing the portal back to the queue (fairness between portals). */
  readonly maxPasses?: number;
  readonly claimLeaseMs?: number;
  /** Told every drain pass's report (the worker's metrics read change-to-write times from it). */
  readonly onDrained?: (report: DrainReport) => void;
}

/**
 * `sync-portal`: drains one portal's pending notices through the runner. One portal's jobs share
 * a queue, so one drain per portal runs at a time across every worker process. Notices deferred
 * for backoff get a job at their due time; a revoked QBO authorization pauses the portal.
 */
export function syncPortalTask(deps: SyncPortalDeps): Task {
  return async (payload, helpers) => {
    const { portalId } = parseJobPayload(SYNC_PORTAL_TASK, payload);
    const gate = await portalGate(deps.db, portalId);
    if (gate !== 'active') {
      helpers.logger.info(`portal ${portalId} is ${gate}; not draining`);
      return;
    }
    const ports = await deps.portsFor(portalId);
    if (!ports) return;
    const store = createPrismaSyncStore(deps.db, {
      now: () => deps.clock.now(),
      ...(deps.claimLeaseMs ? { claimLeaseMs: deps.claimLeaseMs } : {}),
    });
    const batchSize = deps.drain?.batchSize ?? 200;
    for (let pass = 0; pass < (deps.maxPasses ?? 10); pass++) {
      if (helpers.abortSignal?.aborted) break;
      const report = await drainPortal({ ...ports, store, clock: deps.clock }, portalId, deps.drain);
      helpers.logger.debug(`portal ${portalId} drained: ${JSON.stringify(report)}`);
      deps.onDrained?.(report);
      if (
        report.connectionError?.side === 'quickbooks' &&
        report.connectionError.code === 'authorization_revoked'
      ) {
        await deps.db.quickBooksConnection.updateMany({
          where: { portalId },
          data: { status: 'needs_reauth' },
        });
        return;
      }
      if (report.claimed < batchSize) break;
    }
    await scheduleNextDue(deps, portalId, helpers);
  };
}

/**
 * Makes sure notices still pending (backoff, or more than one job's worth) have a job. It uses
 * its own job key: the intake's key keeps its earliest run time, so a retry due in an hour must
 * not hold back a fresh change that arrives meanwhile.
 */
async function scheduleNextDue(deps: SyncPortalDeps, portalId: string, helpers: JobHelpers): Promise<void> {
  const next = await deps.db.changeNotice.findFirst({
    where: { portalId, processedAt: null },
    orderBy: { nextAttemptAt: { sort: 'asc', nulls: 'first' } },
  });
  if (!next) return;
  const delay = Math.max(0, (next.nextAttemptAt?.getTime() ?? 0) - deps.clock.now().getTime());
  await helpers.addJob(
    SYNC_PORTAL_TASK,
    { portalId },
    {
      queueName: portalQueueName(portalId),
      runAt: new Date(Date.now() + delay),
      jobKey: syncPortalRetryJobKey(portalId),
      jobKeyMode: 'replace',
    },
  );
}
