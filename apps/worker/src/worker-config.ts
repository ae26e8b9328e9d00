import {
  databaseEnvShape,
  hubspotAppEnvShape,
  logLevelEnvShape,
  metricsTokenEnvShape,
  quickbooksAppEnvShape,
  tokenKeysEnvShape,
} from '@ledgersync/config';
import { z } from 'zod';

/** Every variable the worker reads; parsed once in main.ts (see .env.example). */
export const workerEnvSchema = z.object({
  ...databaseEnvShape,
  ...tokenKeysEnvShape,
  ...logLevelEnvShape(),
  ...hubspotAppEnvShape,
  ...quickbooksAppEnvShape,
  ...metricsTokenEnvShape,
  /** The worker's /healthz and /metrics listener; unset (or empty), the worker listens on no port. */
  WORKER_OPS_PORT: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  WORKER_OPS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  SYNC_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  // 0 turns the safety-net polls off (the benchmarks measure the drains the notices start, nothing else).
  POLL_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .max(86_400)
    .refine((seconds) => seconds === 0 || seconds >= 10, 'must be 0 (off) or at least 10')
    .default(300),
});
export type WorkerEnv = z.output<typeof workerEnvSchema>;
