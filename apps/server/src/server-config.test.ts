import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadEnv } from '@ledgersync/config';
import { serverEnvSchema } from './server-config.ts';

const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/ledgersync',
  TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PUBLIC_URL: 'https://ledgersync.example.com',
  STATE_SIGNING_SECRET: 'x'.repeat(32),
  HUBSPOT_APP_ID: '123456',
  HUBSPOT_CLIENT_ID: 'hs-client',
  HUBSPOT_CLIENT_SECRET: 'hs-secret-value',
  QBO_CLIENT_ID: 'qbo-client',
  QBO_CLIENT_SECRET: 'qbo-secret-value',
  QBO_WEBHOOK_VERIFIER_TOKEN: 'qbo-verifier-token',
};

describe('server environment', () => {
  it('applies defaults to a minimal valid environment', () => {
    const env = loadEnv(serverEnvSchema, valid);
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      HUBSPOT_API_BASE_URL: 'https://api.hubapi.com',
    });
  });

  it('stops with one message that lists every bad variable', () => {
    const bad = {
      ...valid,
      PORT: 'eighty',
      PUBLIC_URL: 'not a url',
      HUBSPOT_APP_ID: 'abc',
      QBO_CLIENT_SECRET: undefined,
    };
    expect(() => loadEnv(serverEnvSchema, bad)).toThrow(ConfigError);
    try {
      loadEnv(serverEnvSchema, bad);
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect((error as ConfigError).problems).toHaveLength(4);
      for (const name of [
        'PORT',
        'PUBLIC_URL',
        'HUBSPOT_APP_ID: must be a numeric app id',
        'QBO_CLIENT_SECRET: is required',
      ]) {
        expect(problems).toContain(name);
      }
    }
  });
});
