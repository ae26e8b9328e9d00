import {
  databaseEnvShape,
  hubspotAppEnvShape,
  logLevelEnvShape,
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
