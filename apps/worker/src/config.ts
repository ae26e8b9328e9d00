import { databaseEnvShape } from '@ledgersync/db';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Every variable the worker reads; parsed once in main.ts (see .env.example). */
export const workerEnvSchema = z.object({
  ...databaseEnvShape,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  SYNC_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  // 0 turns the safety-net polls off (the benchmarks measure the drains the notices start, nothing else).
  POLL_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .max(86_400)
    .refine((seconds) => seconds === 0 || seconds >= 10, 'must be 0 (off) or at least 10')
    .default(300),
  HUBSPOT_CLIENT_ID: z.string().min(1),
  HUBSPOT_CLIENT_SECRET: z.string().min(8, 'must be at least 8 characters'),
  HUBSPOT_API_BASE_URL: httpUrl.default('https://api.hubapi.com'),
  QBO_CLIENT_ID: z.string().min(1),
  QBO_CLIENT_SECRET: z.string().min(8, 'must be at least 8 characters'),
  QBO_API_BASE_URL: httpUrl.default('https://quickbooks.api.intuit.com'),
  QBO_TOKEN_BASE_URL: httpUrl.default('https://oauth.platform.intuit.com'),
});
export type WorkerEnv = z.output<typeof workerEnvSchema>;
