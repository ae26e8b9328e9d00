import { describe, expect, it } from '@jest/globals';
import { type LimiterTime, RealmRateLimiter } from './realm-rate-limiter.ts';

function fakeTime(): LimiterTime & { slept: number[] } {
  let now = 0;
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

const limits = { requestsPerWindow: 3, batchesPerWindow: 1, concurrent: 2, windowMs: 1000 };

describe('RealmRateLimiter', () => {
  it('holds the third concurrent request until one answer arrives', async () => {
    const limiter = new RealmRateLimiter({ ...limits, requestsPerWindow: 100 }, fakeTime());
    const a = await limiter.acquire('request');
    await limiter.acquire('request');
    let third = false;
    const pending = limiter.acquire('request').then(() => {
      third = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    a();
    await pending;
    expect(third).toBe(true);
  });

  it('waits for the window once the budget is used, counting from each answer', async () => {
    const time = fakeTime();
    const limiter = new RealmRateLimiter(limits, time);
    for (let i = 0; i < 3; i++) (await limiter.acquire('request'))();
    (await limiter.acquire('request'))();
    expect(time.slept).toEqual([1001]);
  });

  it('limits batches separately and pauses the realm after a 429', async () => {
    const time = fakeTime();
    const limiter = new RealmRateLimiter({ ...limits, requestsPerWindow: 100 }, time);
    (await limiter.acquire('batch'))();
    (await limiter.acquire('request'))();
    expect(time.slept).toEqual([]);
    (await limiter.acquire('batch'))();
    expect(time.slept).toEqual([1001]);
    limiter.pause(60_000);
    (await limiter.acquire('request'))();
    expect(time.slept).toEqual([1001, 60_000]);
  });
});
