import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { databaseEnvShape, tokenKeysEnvShape } from './env-shapes.ts';
import { ConfigError, loadEnv } from './load-env.ts';

const schema = z.object({
  ...databaseEnvShape,
  ...tokenKeysEnvShape,
  PORT: z.coerce.number().int().min(1).max(65535),
  HUBSPOT_CLIENT_SECRET: z.string().min(8),
});

describe('loadEnv', () => {
  it('returns the parsed values when everything is right', () => {
    const key = randomBytes(32).toString('base64');
    const env = loadEnv(schema, {
      DATABASE_URL: 'postgresql://u@127.0.0.1:5432/app',
      TOKEN_ENCRYPTION_KEYS: `k1:${key}`,
      PORT: '3000',
      HUBSPOT_CLIENT_SECRET: 'a-long-secret',
    });
    expect(env.PORT).toBe(3000);
    expect(env.TOKEN_ENCRYPTION_KEYS.get('k1')?.length).toBe(32);
  });

  it('lists every bad variable at once, without echoing values', () => {
    let error: unknown;
    try {
      loadEnv(schema, {
        DATABASE_URL: 'mysql://nope',
        TOKEN_ENCRYPTION_KEYS: 'k1:c2hvcnQ=',
        PORT: '99999',
        HUBSPOT_CLIENT_SECRET: undefined,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const config = error as ConfigError;
    expect(config.problems).toHaveLength(4);
    expect(config.message).toMatch(/4 problems/);
    expect(config.message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(config.message).toMatch(/TOKEN_ENCRYPTION_KEYS: key "k1" must decode to 32 bytes/);
    expect(config.message).toMatch(/PORT: /);
    expect(config.message).toMatch(/HUBSPOT_CLIENT_SECRET: is required but not set/);
    expect(config.message).not.toContain('c2hvcnQ=');
  });
});
