import { describe, expect, it } from '@jest/globals';
import { staticAccessToken } from './access-token-source.ts';
import { createQboTransport, retryAfterMs } from './qbo-transport.ts';
import { type LimiterTime, RealmRateLimiter } from './realm-rate-limiter.ts';

function fakeTime(): LimiterTime & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const throttledThenOk = (retryAfter: string | null) => {
  let calls = 0;
  const fetch = (async () => {
    calls += 1;
    if (calls === 1)
      return new Response(JSON.stringify({ fault: { type: 'ThrottleExceeded' } }), {
        status: 429,
        headers: retryAfter === null ? {} : { 'Retry-After': retryAfter },
      });
    return new Response(JSON.stringify({ Preferences: {} }), { status: 200 });
  }) as typeof globalThis.fetch;
  return fetch;
};

async function waitAfter429(retryAfter: string | null): Promise<number[]> {
  const time = fakeTime();
  const limits = { requestsPerWindow: 100, batchesPerWindow: 10, concurrent: 10, windowMs: 60_000 };
  const send = createQboTransport({
    baseUrl: 'http://qbo.test',
    realmId: '1',
    tokens: staticAccessToken('token'),
    fetch: throttledThenOk(retryAfter),
    limiter: new RealmRateLimiter(limits, time),
    time,
    retry: { throttleWaitMs: 60_000 },
  });
  await send({ method: 'GET', path: 'preferences' });
  return time.slept;
}

describe('a 429 pauses the realm', () => {
  it("for as long as the answer's Retry-After asks", async () => {
    expect(await waitAfter429('7')).toEqual([7000]);
  });

  it('for the policy wait when the answer names none', async () => {
    expect(await waitAfter429(null)).toEqual([60_000]);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-08T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Tue, 08 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
