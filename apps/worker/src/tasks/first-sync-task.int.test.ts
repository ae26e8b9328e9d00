import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createQuickBooksConnectionRepository, createSyncSettingsRepository } from '@ledgersync/db';
import { setObjectSyncEnabled, startFirstSync } from '@ledgersync/jobs';
import { startTestWorld, type TestPortal, type TestWorld } from '@ledgersync/test-world';
import { runFirstSyncPage } from './first-sync-task.ts';

let world: TestWorld;
let p: TestPortal;
beforeAll(async () => {
  world = await startTestWorld();
  p = await world.newPortal();
  await createSyncSettingsRepository(world.db).save(p.portalId, 'product', {
    enabled: true,
    direction: 'quickbooks_to_hubspot',
  });
  await setObjectSyncEnabled(world.db, p.portalId, 'product', true);
});
afterAll(() => world.close());

const deps = () => ({ db: world.db, portsFor: world.portsFor, clock: { now: () => new Date() } });
const run = () => world.db.syncRun.findFirstOrThrow({ where: { portalId: p.portalId } });
/** The run's queued page job, through graphile-worker's public view. */
const queuedPage = (syncRunId: string) =>
  world.db.$queryRaw<{ run_at: Date }[]>`
    SELECT run_at FROM graphile_worker.jobs WHERE key = ${`first-sync:${syncRunId}`}`;

describe('a first sync page of a portal that cannot sync right now (R-CON-7, R-ERR-7)', () => {
  it('waits while QBO needs a new authorization: the same page is queued for later, nothing counted', async () => {
    const connections = createQuickBooksConnectionRepository(world.db, world.cipher);
    await connections.setStatus(p.portalId, 'needs_reauth');
    const before = await run();
    await runFirstSyncPage(deps(), before.id, 0);
    expect(await run()).toMatchObject({ status: 'running', pages: 0, done: 0, total: 0 });
    const queued = await queuedPage(before.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.run_at.getTime()).toBeGreaterThan(Date.now() + 60_000);

    // Connected again: the page runs.
    await connections.setStatus(p.portalId, 'connected');
    await runFirstSyncPage(deps(), before.id, 0);
    expect(await run()).toMatchObject({ status: 'done', pages: 1 });
  });

  it('is cancelled once the portal is disconnected', async () => {
    await setObjectSyncEnabled(world.db, p.portalId, 'product', false);
    await setObjectSyncEnabled(world.db, p.portalId, 'product', true);
    const again = await world.db.syncRun.findFirstOrThrow({
      where: { portalId: p.portalId, status: 'running' },
    });
    await createQuickBooksConnectionRepository(world.db, world.cipher).setStatus(p.portalId, 'disconnected');
    await runFirstSyncPage(deps(), again.id, 0);
    expect(await world.db.syncRun.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: 'cancelled',
      pages: 0,
    });
  });
});

describe('what a first sync page counts (R-CON-7)', () => {
  it('a record whose counterpart is already there counts as found, not created', async () => {
    const q = await world.newPortal();
    await q.hs('/crm/v3/objects/contacts/batch/create', {
      method: 'POST',
      body: {
        inputs: [1, 2, 3].map((i) => ({
          properties: { email: `counted-${i}@first-sync.test`, firstname: 'Counted', lastname: `No. ${i}` },
        })),
      },
    });
    await createSyncSettingsRepository(world.db).save(q.portalId, 'customer', {
      enabled: true,
      direction: 'hubspot_to_quickbooks',
    });
    await setObjectSyncEnabled(world.db, q.portalId, 'customer', true);
    const first = await world.db.syncRun.findFirstOrThrow({ where: { portalId: q.portalId } });
    await runFirstSyncPage(deps(), first.id, 0);
    expect(await world.db.syncRun.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: 'done',
      total: 3,
      done: 3,
      linked: 0,
    });

    // "Sync existing records": every contact finds the customer the first run created.
    const again = await startFirstSync(world.db, q.portalId, 'customer', 'hubspot');
    await runFirstSyncPage(deps(), again, 0);
    expect(await world.db.syncRun.findUniqueOrThrow({ where: { id: again } })).toMatchObject({
      status: 'done',
      total: 3,
      done: 3,
      linked: 3,
    });
  });
});
