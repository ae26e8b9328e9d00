import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { QboError } from '../errors/qbo-error.ts';
import { QboQuery } from '../query/query-builder.ts';
import { type EmulatorHarness, startEmulator } from '../testing/emulator-harness.ts';
import { invoiceBody, makeCustomer, makeItem } from '../testing/qbo-fixtures.ts';
import type { AccessTokenSource } from './access-token-source.ts';
import { type LimiterTime, RealmRateLimiter } from './realm-rate-limiter.ts';

let emu: EmulatorHarness;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => emu.close());
afterEach(async () => {
  await emu.control('/_emulator/faults', undefined, 'DELETE');
});

interface Logged {
  method: string;
  url: string;
  status: number;
}
async function log(): Promise<Logged[]> {
  return (await emu.control<{ requests: Logged[] }>('/_emulator/requests')).requests;
}
async function clearLog() {
  await emu.control('/_emulator/requests', undefined, 'DELETE');
}
const fault = (body: Record<string, unknown>) => emu.control('/_emulator/faults', body);

describe('transient failures injected by the emulator', () => {
  it('waits out a 429 storm and succeeds', async () => {
    const qbo = await emu.newClient();
    const c = await makeCustomer(qbo);
    await clearLog();
    await fault({
      path: '/customer/',
      count: 3,
      status: 429,
      fault: {
        Error: [
          {
            Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429',
            Detail: 'The request limit was reached.',
            code: '3001',
          },
        ],
        type: 'SERVICE',
      },
    });
    const read = await qbo.read('Customer', c.Id);
    expect(read.Id).toBe(c.Id);
    expect((await log()).map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it('retries 5xx with backoff, a bounded number of times', async () => {
    const qbo = await emu.newClient();
    const c = await makeCustomer(qbo);
    await fault({ path: '/customer/', count: 2, status: 503 });
    expect((await qbo.read('Customer', c.Id)).Id).toBe(c.Id);

    await clearLog();
    await fault({ path: '/customer/', count: 50, status: 500 });
    const error = await qbo.read('Customer', c.Id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QboError);
    expect((error as QboError).code).toBe('ServerError');
    expect((await log()).length).toBe(5); // the first attempt and 4 retries
  });

  it('a dropped connection on a create is retried without creating twice', async () => {
    const qbo = await emu.newClient();
    const [item, customer] = await Promise.all([makeItem(qbo), makeCustomer(qbo)]);
    await fault({ path: '/invoice', method: 'POST', count: 2, drop: true });
    const invoice = await qbo.create(
      'Invoice',
      invoiceBody(customer.Id, item.Id, '1', '7', '7'),
      'drop-create-1',
    );
    expect(invoice.Id).toBeTruthy();
    expect(await qbo.count(QboQuery.count('Invoice').where('CustomerRef', '=', customer.Id))).toBe(1);
  });

  it('gives up on a slow response after the timeout and tries again', async () => {
    const qbo = await emu.newClient({ retry: { baseDelayMs: 1, timeoutMs: 300 } });
    const c = await makeCustomer(qbo);
    await fault({ path: '/customer/', count: 1, delayMs: 1500 });
    expect((await qbo.read('Customer', c.Id)).Id).toBe(c.Id);
  });

  it('tells its observer how every request ended, retries included', async () => {
    const outcomes: unknown[] = [];
    const qbo = await emu.newClient({
      retry: { baseDelayMs: 1, timeoutMs: 300 },
      onApiCall: (outcome) => outcomes.push(outcome),
    });
    const c = await makeCustomer(qbo);
    outcomes.length = 0;
    await fault({ path: '/customer/', count: 1, status: 503 });
    await fault({ path: '/customer/', count: 1, drop: true });
    await fault({ path: '/customer/', count: 1, delayMs: 1500 });
    await qbo.read('Customer', c.Id);
    expect(outcomes).toEqual([503, 'network', 'timeout', 'ok']);
  });
});

describe('401 handling', () => {
  function countingTokens(
    good: string,
    first = 'expired-token',
  ): AccessTokenSource & { refreshes: string[] } {
    const refreshes: string[] = [];
    return {
      refreshes,
      accessToken: async () => (refreshes.length > 0 ? good : first),
      refreshAfterRejection: async (rejected) => {
        refreshes.push(rejected);
        return good;
      },
    };
  }

  it('refreshes once and retries once', async () => {
    const realmId = await emu.newRealm();
    const { access_token } = await emu.issueTokens(realmId);
    const tokens = countingTokens(access_token);
    const qbo = await emu.newClient({ realmId, tokens });
    const info = await qbo.companyInfo();
    expect(info.Id).toBeTruthy();
    expect(tokens.refreshes).toEqual(['expired-token']);
  });

  it('a second 401 is reported as Unauthorized, not refreshed again', async () => {
    const realmId = await emu.newRealm();
    const tokens = countingTokens('still-bad', 'bad');
    const qbo = await emu.newClient({ realmId, tokens });
    await expect(qbo.companyInfo()).rejects.toMatchObject({ code: 'Unauthorized' });
    expect(tokens.refreshes).toEqual(['bad']);
  });
});

describe('rate limits reached and respected', () => {
  it('queues instead of exceeding the realm budget: not one 429', async () => {
    // One clock for both sides: waiting advances time for the emulator too, so minutes pass instantly.
    let nowMs = Date.parse('2026-06-01T12:00:00Z');
    const time: LimiterTime = {
      now: () => nowMs,
      sleep: async (ms) => {
        nowMs += ms;
        await new Promise((r) => setImmediate(r));
      },
    };
    const limits = { perMinute: 12, concurrent: 3, batchPerMinute: 2 };
    const limited = await startEmulator({ clock: { now: () => new Date(nowMs) }, rateLimits: limits });
    try {
      const qbo = await limited.newClient({
        time,
        limiter: new RealmRateLimiter(
          { requestsPerWindow: 12, batchesPerWindow: 2, concurrent: 3, windowMs: 60_000 },
          time,
        ),
      });
      await limited.control('/_emulator/requests', undefined, 'DELETE');
      const started = nowMs;
      const reads = Array.from({ length: 40 }, () => qbo.preferences());
      const batches = Array.from({ length: 5 }, (_, i) =>
        qbo.batch([
          { key: `rl-${i}`, op: { kind: 'create', entity: 'Customer', body: { DisplayName: `RL ${i}` } } },
        ]),
      );
      await Promise.all([...reads, ...batches]);
      const requests = (await limited.control<{ requests: Logged[] }>('/_emulator/requests')).requests;
      expect(requests.filter((r) => r.status === 429)).toEqual([]);
      expect(requests.filter((r) => r.url.startsWith('/v3/')).length).toBe(45);
      // 45 requests at 12 a minute cannot fit in less than 3 minutes: the budget was reached.
      expect(nowMs - started).toBeGreaterThanOrEqual(3 * 60_000);
    } finally {
      await limited.close();
    }
  });
});
