import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestWorld, type TestWorld } from '@ledgersync/test-world';
import { measureConvergence } from './convergence.ts';
import { CONVERGED, startScenario } from './fault-scenario.ts';
import { advanceQboClock, beforeRequest, connectQbo } from './qbo-connection.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const HOUR = 3_600_000;

// R-ERR-7: expired or revoked authorization pauses and retries; it never loses a change.
describe('QBO authorization faults in the middle of a run', () => {
  it('the access token expires mid-run: one refresh after the 401, converged', async () => {
    const s = await startScenario(world, 'exp');
    const qbo = await connectQbo(world, s.p);
    const ports = await s.portsWith({
      qboTokens: qbo.tokenSource,
      qboFetch: beforeRequest(3, () => advanceQboClock(world, HOUR + 1_000)),
    });
    await s.notifyAll();
    await s.drainWith(ports);
    expect(qbo.stored).toHaveLength(2);
    expect(await measureConvergence(world, s.p, s.data, qbo.client)).toEqual(CONVERGED);
  }, 60_000);

  it('the refresh token rotates twice in a row: the second refresh uses the token the first returned (the original is past its 24 h grace)', async () => {
    const s = await startScenario(world, 'rot');
    const qbo = await connectQbo(world, s.p);
    let requests = 0;
    const ports = await s.portsWith({
      qboTokens: qbo.tokenSource,
      qboFetch: (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
        requests += 1;
        if (requests === 3) await advanceQboClock(world, HOUR + 1_000);
        if (requests === 6) await advanceQboClock(world, 25 * HOUR);
        return fetch(input, init);
      }) as typeof fetch,
    });
    await s.notifyAll();
    await s.drainWith(ports);
    const refreshTokens = qbo.stored.map((t) => t.refreshToken);
    expect(refreshTokens).toHaveLength(3);
    expect(new Set(refreshTokens).size).toBe(3);
    expect(await measureConvergence(world, s.p, s.data, qbo.client)).toEqual(CONVERGED);
  }, 60_000);

  it('the grant is revoked mid-run: records wait with authorization_revoked, none is lost or failed; after reconnecting, converged', async () => {
    const s = await startScenario(world, 'rev');
    const qbo = await connectQbo(world, s.p);
    const revoking = await s.portsWith({
      qboTokens: qbo.tokenSource,
      qboFetch: beforeRequest(3, () => qbo.oauth.revoke(qbo.tokenSource.current().refreshToken)),
    });
    await s.notifyAll();
    const paused = await s.drainWith(revoking, 3);
    expect(paused.connectionErrors).toContain('quickbooks authorization_revoked');
    const during = await measureConvergence(world, s.p, s.data);
    expect(during.pendingNotices).toBeGreaterThan(0);
    expect(during.failures).toEqual({});

    const reconnected = await connectQbo(world, s.p);
    await s.drainWith(await s.portsWith({ qboTokens: reconnected.tokenSource }));
    expect(await measureConvergence(world, s.p, s.data)).toEqual(CONVERGED);
  }, 60_000);
});
