import { describe, expect, it } from '@jest/globals';
import { workerEnvSchema } from './worker-config.ts';

const required = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/ledgersync',
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  HUBSPOT_CLIENT_ID: 'hs-client',
  HUBSPOT_CLIENT_SECRET: 'hs-secret-value',
  QBO_CLIENT_ID: 'qb-client',
  QBO_CLIENT_SECRET: 'qb-secret-value',
};

describe('the worker environment', () => {
  it('POLL_INTERVAL_SECONDS: 300 by default, 0 turns the polls off, anything between 0 and 10 is refused', () => {
    expect(workerEnvSchema.parse(required).POLL_INTERVAL_SECONDS).toBe(300);
    expect(workerEnvSchema.parse({ ...required, POLL_INTERVAL_SECONDS: '0' }).POLL_INTERVAL_SECONDS).toBe(0);
    expect(workerEnvSchema.parse({ ...required, POLL_INTERVAL_SECONDS: '10' }).POLL_INTERVAL_SECONDS).toBe(
      10,
    );
    expect(workerEnvSchema.safeParse({ ...required, POLL_INTERVAL_SECONDS: '5' }).success).toBe(false);
    expect(workerEnvSchema.safeParse({ ...required, POLL_INTERVAL_SECONDS: '-1' }).success).toBe(false);
  });

  it('WORKER_OPS_PORT: no listener unless set; a port number when set', () => {
    expect(workerEnvSchema.parse(required).WORKER_OPS_PORT).toBeUndefined();
    expect(workerEnvSchema.parse({ ...required, WORKER_OPS_PORT: '' }).WORKER_OPS_PORT).toBeUndefined();
    expect(workerEnvSchema.parse({ ...required, WORKER_OPS_PORT: '9464' })).toMatchObject({
      WORKER_OPS_PORT: 9464,
      WORKER_OPS_HOST: '127.0.0.1',
    });
    for (const bad of ['0', 'ops', '70000']) {
      expect(workerEnvSchema.safeParse({ ...required, WORKER_OPS_PORT: bad }).success).toBe(false);
    }
  });
});
