import { describe, expect, it } from '@jest/globals';
import { PortalRateLimiter, RateLimiterRegistry } from './rate-limiter.ts';

function fakeTime() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

describe('PortalRateLimiter', () => {
  it('adopts the budget the headers announce and counts calls the server saw that we did not send', async () => {
    const time = fakeTime();
    const limiter = new PortalRateLimiter({ ...time });
    limiter.observe({
      'X-HubSpot-RateLimit-Max': '3',
      'X-HubSpot-RateLimit-Remaining': '1',
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
    });
    expect(limiter.usedInWindow('standard')).toBe(2);
    (await limiter.acquire('standard'))();
    expect(time.slept).toEqual([]);
    (await limiter.acquire('standard'))();
    expect(time.slept).toEqual([10_001]);
  });

  it('frees a slot one interval after its answer, not after its request', async () => {
    const time = fakeTime();
    const limiter = new PortalRateLimiter({ ...time, searchPerSecond: 1 });
    const release = await limiter.acquire('search');
    await time.sleep(400); // a slow answer
    release();
    time.slept.length = 0;
    (await limiter.acquire('search'))();
    expect(time.slept).toEqual([1001]);
  });

  it('waits for an answer when every slot is in flight, and honours a hold after a 429', async () => {
    const time = fakeTime();
    const limiter = new PortalRateLimiter({ ...time, tenSecondly: 1 });
    const release = await limiter.acquire('standard');
    let second = false;
    const pending = limiter.acquire('standard').then((r) => {
      second = true;
      return r;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    release();
    (await pending)();
    limiter.holdFor('search', 1000);
    time.slept.length = 0;
    (await limiter.acquire('search'))();
    expect(time.slept[0]).toBe(1000);
  });

  it('gives each portal one limiter for the whole process', () => {
    const registry = new RateLimiterRegistry({ ...fakeTime() });
    expect(registry.forPortal('1')).toBe(registry.forPortal('1'));
    expect(registry.forPortal('1')).not.toBe(registry.forPortal('2'));
  });
});
