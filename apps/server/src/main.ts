// The server's only entry point: the one place that reads process.env.
import { loadEnv } from '@ledgersync/db';
import { serverEnvSchema } from './config.ts';

const env = loadEnv(serverEnvSchema, process.env);
console.log(
  `LedgerSync server configuration is valid (listening on ${env.HOST}:${env.PORT} arrives with W7).`,
);
