import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { createChangeIntake, SYNC_PORTAL_TASK } from '@ledgersync/jobs';
import { syncingPortal } from '@ledgersync/test-world';
import { countQbo, finalizedHubSpotInvoice, until } from './fixtures.ts';
import { useWorkerProcesses } from './worker-processes.ts';

const workers = useWorkerProcesses();
const { configOf, startChild, exited, qboInvoiceWrites, synced } = workers;

/** Drains (sync-portal jobs) held by some worker. */
const lockedDrains = async () =>
  Number(
    (
      await workers.world().db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = ${SYNC_PORTAL_TASK} AND j.locked_by IS NOT NULL`
    )[0]?.n ?? 0,
  );

// Both tests share one database: the second is what used to stall after the first. Time limits are
// generous because worker processes start slowly on a loaded 2-core machine; none of them is asserted.
describe('worker processes', () => {
  it('exactly once: a worker killed with SIGKILL mid-drain and restarted leaves no duplicate and loses nothing', async () => {
    const p = await syncingPortal(workers.world());
    const invoice = await finalizedHubSpotInvoice(p);
    await workers.world().resetApiCalls();
    // QBO's invoice writes are slowed down, so the kill lands while the invoice's is in flight.
    for (const path of ['/batch', '/invoice'])
      await fetch(`${workers.world().qboUrl}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path, method: 'POST', count: 2, delayMs: 1_500 }),
      });
    const first = await startChild(configOf(p));
    await createChangeIntake(workers.world().db, { debounceMs: 0 }).record([
      {
        portalId: p.portalId,
        side: 'hubspot',
        object: 'invoice',
        recordId: invoice.id,
        eventId: `kill-${invoice.id}`,
      },
    ]);
    await until(async () => (await qboInvoiceWrites()) >= 1);
    await new Promise((r) => setTimeout(r, 500));
    first.kill('SIGKILL');
    await exited(first);

    // Nothing moves while no worker runs: the drain died with the process (a worker that outlived
    // its "kill" would have finished it by now) and its job stays locked by the dead worker.
    await new Promise((r) => setTimeout(r, 5_500));
    expect(await synced(p, invoice.id)).toBe(false);
    expect(await lockedDrains()).toBe(1);

    // The next worker unlocks the dead worker's job and queue (the lock is over 5 s old) and
    // completes the creates the crash left pending instead of repeating them.
    const second = await startChild(configOf(p));
    await until(() => synced(p, invoice.id), 60_000);
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 180_000);

  it('after a SIGKILL in the same database, a new portal still drains with two workers', async () => {
    const q = await syncingPortal(workers.world());
    const inv = await finalizedHubSpotInvoice(q, 'after-kill@example.com');
    const [a, b] = (await Promise.all([startChild(configOf(q)), startChild(configOf(q))])) as [
      ChildProcess,
      ChildProcess,
    ];
    await createChangeIntake(workers.world().db, { debounceMs: 0 }).record([
      {
        portalId: q.portalId,
        side: 'hubspot',
        object: 'invoice',
        recordId: inv.id,
        eventId: `new-${inv.id}`,
      },
    ]);
    await until(() => synced(q, inv.id), 60_000);
    expect(await countQbo(q, 'Invoice')).toBe(1);
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    expect([await exited(a), await exited(b)]).toEqual([0, 0]);
  }, 180_000);
});
