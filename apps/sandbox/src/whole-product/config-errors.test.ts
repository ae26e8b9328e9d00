import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadEnv } from '@ledgersync/config';
import { serverEnvSchema } from '@ledgersync/server';
import { leaks } from '@ledgersync/server/testing';
import { workerEnvSchema } from '@ledgersync/worker';

// Values that are secret AND wrong: the message must name the variable, never echo the value.
const badSecrets = {
  DATABASE_URL: 'mysql://admin:db-password-77c1@db.internal/ledgersync',
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(20).toString('base64')}`,
  STATE_SIGNING_SECRET: 'state-secret-but-too-short',
  HUBSPOT_CLIENT_SECRET: 'hs-sec',
  QBO_CLIENT_SECRET: 'qb-sec',
  QBO_WEBHOOK_VERIFIER_TOKEN: 'vt-1234',
  PUBLIC_URL: 'ftp://secret-host-3a9/',
  HUBSPOT_APP_ID: 'app-id-secretish',
};
const secretValues = {
  ...badSecrets,
  'database password': 'db-password-77c1',
  'encryption key material': badSecrets.TOKEN_ENCRYPTION_KEYS.slice(3),
};

describe('a bad environment is reported without echoing any value', () => {
  it.each([
    ['server', serverEnvSchema],
    ['worker', workerEnvSchema],
  ] as const)('%s', (_name, schema) => {
    let error: unknown;
    try {
      loadEnv(schema, { ...badSecrets, HUBSPOT_CLIENT_ID: 'id', QBO_CLIENT_ID: 'id' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = `${(error as ConfigError).message}\n${(error as ConfigError).problems.join('\n')}\n${JSON.stringify(error)}`;
    // The variables are named (so the message is useful)…
    for (const name of [
      'DATABASE_URL',
      'TOKEN_ENCRYPTION_KEYS',
      'HUBSPOT_CLIENT_SECRET',
      'QBO_CLIENT_SECRET',
    ]) {
      expect(text).toContain(name);
    }
    // …and no value is in it.
    expect(leaks(text, secretValues)).toEqual([]);
  });
});
