import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestWorld, type TestWorld } from '@ledgersync/test-world';
import { injectHubSpot, injectQbo, statusesSeen } from './emulator-faults.ts';
import { CONVERGED, startScenario } from './fault-scenario.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

// R-ERR-7: rate limits and the other side down pause and retry; they never lose or double a change.
describe('API faults from the emulators: each scenario ends converged, every record once', () => {
  it('a 429 storm on both APIs (Intuit gateway and HubSpot ten-secondly bodies and headers) that the clients wait out', async () => {
    const s = await startScenario(world, 'r429');
    // Within what a request waits out (QBO 5 throttles, HubSpot 20); a longer storm is below.
    await injectQbo(world, { path: '/v3/company', status: 429, count: 5 });
    await injectHubSpot(world, { path: '/crm', status: 429, count: 15 });
    await s.notifyAll();
    await s.drain();
    const seen = await statusesSeen(world);
    expect(seen.qbo['429']).toBe(5);
    expect(seen.hubspot['429']).toBe(15);
    const { totals: _, ...result } = await s.converge();
    expect(result).toEqual(CONVERGED);
  }, 60_000);

  it('a 429 storm on HubSpot longer than the client waits out: deferred records and the invoices and payments that depend on them wait and then sync, none fails', async () => {
    const s = await startScenario(world, 'r429long');
    // Only the contact writes are throttled (new contacts are created, existing ones upserted):
    // the customers are deferred while their invoices and payments, read fine, wait on them in
    // the same drain.
    await injectHubSpot(world, {
      path: '/^\\/crm\\/v3\\/objects\\/contacts\\/batch\\/(create|upsert)/',
      status: 429,
      count: 30,
    });
    await s.notifyAll();
    const during = await s.drain();
    expect(during.deferred).toBeGreaterThan(0);
    const { totals, ...result } = await s.converge();
    expect(during.failures + totals.failures).toBe(0);
    expect(result).toEqual(CONVERGED);
  }, 90_000);

  it('500s and 503s from QBO, 502s from HubSpot', async () => {
    const s = await startScenario(world, 'r5xx');
    await injectQbo(world, { path: '/v3/company', status: 503, count: 10 });
    await injectQbo(world, { path: '/v3/company', status: 500, count: 10 });
    await injectHubSpot(world, { path: '/crm', status: 502, count: 12 });
    await s.notifyAll();
    await s.drain();
    const seen = await statusesSeen(world);
    expect([seen.qbo['503'], seen.qbo['500'], seen.hubspot['502']]).toEqual([10, 10, 12]);
    const { totals: _, ...result } = await s.converge();
    expect(result).toEqual(CONVERGED);
  }, 60_000);

  it('connection resets: batches and CRM writes dropped without an answer', async () => {
    const s = await startScenario(world, 'reset');
    await injectQbo(world, { path: '/v3/company', method: 'POST', drop: true, count: 4 });
    await injectHubSpot(world, { path: '/crm', method: 'POST', drop: true, count: 6 });
    await s.notifyAll();
    await s.drain();
    expect((await statusesSeen(world)).qbo['0']).toBe(4);
    const { totals: _, ...result } = await s.converge();
    expect(result).toEqual(CONVERGED);
  }, 60_000);

  it('stalls: QBO answers writes only after the client gave up (3 s against a 1 s timeout), yet processes them; the retry creates nothing twice', async () => {
    // A 30-second stall, scaled down: what matters is that the answer comes after the timeout.
    const s = await startScenario(world, 'stall', 9, { qboTimeoutMs: 1_000 });
    await injectQbo(world, { path: '/v3/company', method: 'POST', delayMs: 3_000, count: 3 });
    await s.notifyAll();
    await s.drain();
    const { totals: _, ...result } = await s.converge();
    expect(result).toEqual(CONVERGED);
  }, 60_000);
});
