import type { Db } from '@ledgersync/db';
import {
  BACKFILL_TASK,
  CATCH_UP_APP_PROPERTIES_TASK,
  FIRST_SYNC_TASK,
  LEGACY_REFRESH_TOKENS_TASK,
  POLL_ALL_TASK,
  POLL_PORTAL_TASK,
  PURGE_EXPIRED_ROWS_TASK,
  REFRESH_TOKENS_TASK,
  SYNC_PORTAL_TASK,
} from '@ledgersync/jobs';
import type { PortsFor } from '@ledgersync/portal-adapters';
import type { Clock, DrainOptions } from '@ledgersync/sync-engine';
import { type LogFunctionFactory, Logger, type Runner, type RunnerOptions, run } from 'graphile-worker';
import pg from 'pg';
import type { AppPropertiesCatchUp } from './app-properties/app-properties-catch-up.ts';
import { recordJobOutcomes } from './metrics/record-job-outcomes.ts';
import type { WorkerMetrics } from './metrics/worker-metrics.ts';
import { superviseRunner } from './supervised-runner.ts';
import { backfillTask } from './tasks/backfill-task.ts';
import { catchUpAppPropertiesTask } from './tasks/catch-up-app-properties-task.ts';
import { firstSyncTask } from './tasks/first-sync-task.ts';
import { pollAllTask, pollPortalTask } from './tasks/poll-portal-task.ts';
import { purgeExpiredRowsTask } from './tasks/purge-expired-rows-task.ts';
import { refreshTokensTask } from './tasks/refresh-tokens-task.ts';
import { syncPortalTask } from './tasks/sync-portal-task.ts';
import type { TokenRefresher } from './tokens/token-refresher.ts';
import { unlockWorkers } from './unlock-workers.ts';
import { holdLiveness, reapDeadWorkers } from './worker-liveness.ts';

export interface WorkerOptions {
  readonly databaseUrl: string;
  readonly db: Db;
  readonly portsFor: PortsFor;
  readonly clock?: Clock;
  readonly concurrency: number;
  readonly debounceMs: number;
  /** Minutes between safety-net polls (graphile-worker cron runs at minute granularity); 0 turns polls off. */
  readonly pollEveryMinutes: number;
  readonly drain?: DrainOptions;
  readonly claimLeaseMs?: number;
  /** How often an idle worker looks for jobs besides LISTEN/NOTIFY, in ms. */
  readonly pollIntervalMs?: number;
  readonly logFactory?: LogFunctionFactory;
  /**
   * How often this process unlocks the jobs and queues of dead workers, in ms (default 10 s). A
   * timer, not a cron job: a crashed worker's per-portal queue stays blocked until it runs, and
   * cron's minute is too coarse (and needs a free job slot).
   */
  readonly reapEveryMs?: number;
  /** Refreshes the tokens that expire soon every 5 minutes (R-CON-1), through the adapters' OAuth. */
  readonly tokenRefresher?: TokenRefresher;
  /** Every 5 minutes: ensures the app-owned properties of installations behind the current set. */
  readonly appProperties?: AppPropertiesCatchUp;
  /** Where job outcomes and drains are counted (the API calls are counted by the adapters' factory). */
  readonly metrics?: WorkerMetrics;
}

const systemClock: Clock = { now: () => new Date() };

/**
 * Starts graphile-worker with LedgerSync's task list. Any number of these may run against one
 * database: per-portal queues keep each portal's drains serial cluster-wide. The caller owns
 * signals: `stop()` lets running jobs finish (or releases them) before resolving.
 */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const clock = options.clock ?? systemClock;
  const polls = options.pollEveryMinutes > 0;
  const refreshTokens =
    options.tokenRefresher && refreshTokensTask({ db: options.db, clock, refresher: options.tokenRefresher });
  const liveness = await holdLiveness(options.databaseUrl);
  if (options.metrics) recordJobOutcomes(liveness.events, options.metrics);
  // Jobs a killed worker held become runnable now instead of in four hours.
  await reapDeadWorkers(options.databaseUrl);
  const logger = new Logger(options.logFactory ?? (() => () => {}));
  // graphile-worker ends a pool it made itself without waiting, and drops the pool's error listener
  // at once: an idle connection cut while it closes (a database restart, a dropped database) is then
  // an unhandled 'error' that takes the process down. So the pool is ours: its listener stays, and
  // stop() waits for it to close. Every runner the supervisor starts shares it.
  const pgPool = new pg.Pool({ connectionString: options.databaseUrl });
  pgPool.on('error', (error) => logger.error(`PostgreSQL idle connection failed: ${error.message}`));
  const runOptions: RunnerOptions = {
    events: liveness.events,
    pgPool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs ?? 2_000,
    logger,
    taskList: {
      [SYNC_PORTAL_TASK]: syncPortalTask({
        db: options.db,
        portsFor: options.portsFor,
        clock,
        ...(options.drain ? { drain: options.drain } : {}),
        ...(options.claimLeaseMs ? { claimLeaseMs: options.claimLeaseMs } : {}),
        ...(options.metrics ? { onDrained: options.metrics.recordDrain } : {}),
      }),
      [POLL_ALL_TASK]: pollAllTask({ db: options.db }),
      [PURGE_EXPIRED_ROWS_TASK]: purgeExpiredRowsTask({ db: options.db, clock }),
      ...(refreshTokens
        ? { [REFRESH_TOKENS_TASK]: refreshTokens, [LEGACY_REFRESH_TOKENS_TASK]: refreshTokens }
        : {}),
      ...(options.appProperties
        ? { [CATCH_UP_APP_PROPERTIES_TASK]: catchUpAppPropertiesTask(options.appProperties) }
        : {}),
      [BACKFILL_TASK]: backfillTask({ db: options.db, portsFor: options.portsFor, clock }),
      [FIRST_SYNC_TASK]: firstSyncTask({ db: options.db, portsFor: options.portsFor, clock }),
      [POLL_PORTAL_TASK]: pollPortalTask({
        db: options.db,
        portsFor: options.portsFor,
        clock,
        debounceMs: options.debounceMs,
      }),
    },
    crontab: [
      ...(refreshTokens ? [`*/5 * * * * ${REFRESH_TOKENS_TASK}`] : []),
      ...(options.appProperties ? [`*/5 * * * * ${CATCH_UP_APP_PROPERTIES_TASK}`] : []),
      ...(polls ? [`*/${Math.min(options.pollEveryMinutes, 59)} * * * * ${POLL_ALL_TASK}`] : []),
      `*/15 * * * * ${PURGE_EXPIRED_ROWS_TASK}`,
    ].join('\n'),
  };
  // A database restart can kill graphile workers mid-job: the supervisor frees what they held and
  // replaces the pool (supervised-runner.ts).
  const runner = await superviseRunner({
    start: () => run(runOptions),
    events: liveness.events,
    unlockWorkers: (ids) => unlockWorkers(options.databaseUrl, ids),
    onError: (message, error) =>
      logger.error(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  // A worker restarted seconds after a crash finds the dead worker's locks too fresh to reap at
  // start; this catches them once they are old enough, and any later crash of another process.
  const reaper = setInterval(() => {
    reapDeadWorkers(options.databaseUrl).catch(() => {});
  }, options.reapEveryMs ?? 10_000);
  reaper.unref();
  const finished = runner.promise.finally(async () => {
    clearInterval(reaper);
    await liveness.release();
    await pgPool.end();
  });
  return {
    ...runner,
    promise: finished,
    // Resolves once the jobs are done and every connection of this worker is closed.
    async stop() {
      await runner.stop();
      await finished.catch(() => {});
    },
  };
}
