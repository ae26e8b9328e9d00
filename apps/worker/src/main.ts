// The worker's only entry point: the one place that reads process.env.
import { loadEnv } from '@ledgersync/db';
import { workerEnvSchema } from './config.ts';

const env = loadEnv(workerEnvSchema, process.env);
console.log(
  `LedgerSync worker configuration is valid (concurrency ${env.WORKER_CONCURRENCY}; the tasks arrive with W6).`,
);
