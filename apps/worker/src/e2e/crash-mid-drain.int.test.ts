import { describe, expect, it } from '@jest/globals';
import { createChangeIntake } from '@ledgersync/db';
import { countQbo, finalizedHubSpotInvoice, syncingPortal, until } from './fixtures.ts';
import { useWorkerProcesses } from './worker-processes.ts';

const workers = useWorkerProcesses();
const { configOf, startChild, exited, qboBatches, synced } = workers;

describe('worker processes', () => {
  it('exactly once: a worker killed with SIGKILL mid-drain and restarted leaves no duplicate and loses nothing', async () => {
    const p = await syncingPortal(workers.world());
    const invoice = await finalizedHubSpotInvoice(p);
    await workers.world().resetApiCalls();
    // Every QBO batch is slowed down, so the kill lands while the invoice batch is in flight.
    await fetch(`${workers.world().qboUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/batch', method: 'POST', count: 2, delayMs: 1_500 }),
    });
    const first = await startChild(configOf(p));
    await createChangeIntake(workers.world().db, { debounceMs: 0 }).record([
      {
        portalId: p.portalId,
        side: 'hubspot',
        object: 'invoices',
        recordId: invoice.id,
        eventId: `kill-${invoice.id}`,
      },
    ]);
    await until(async () => (await qboBatches()) >= 1);
    await new Promise((r) => setTimeout(r, 500));
    first.kill('SIGKILL');
    await exited(first);
    expect(await synced(p, invoice.id)).toBe(false);

    // The dead worker's job and queue are unlocked by the next worker once the lock is 5 s old.
    await new Promise((r) => setTimeout(r, 5_500));
    const second = await startChild(configOf(p));
    await until(() => synced(p, invoice.id));
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 90_000);
});
