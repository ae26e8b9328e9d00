// Public surface of @ledgersync/config: reading the environment, once, in each program's main.ts.
export {
  databaseEnvShape,
  httpUrl,
  hubspotAppEnvShape,
  logLevelEnvShape,
  metricsTokenEnvShape,
  port,
  quickbooksAppEnvShape,
  secret,
  tokenKeysEnvShape,
} from './env-shapes.ts';
export { ConfigError, loadEnv } from './load-env.ts';
export { type Keyring, parseKeyring } from './parse-keyring.ts';
