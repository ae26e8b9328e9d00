import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { createChangeIntake } from '@ledgersync/jobs';
import { syncingPortal } from '@ledgersync/test-world';
import { countQbo, finalizedHubSpotInvoice, until } from './fixtures.ts';
import { useWorkerProcesses } from './worker-processes.ts';

const workers = useWorkerProcesses();
const { configOf, startChild, exited, synced } = workers;

describe('worker processes', () => {
  it('two workers on one database: the portal synced once, no record written twice', async () => {
    const p = await syncingPortal(workers.world());
    const inv = await finalizedHubSpotInvoice(p, 'two-workers@example.com');
    // Both workers serve the portal; its queue keeps the portal's drains serial.
    const [a, b] = (await Promise.all([startChild(configOf(p)), startChild(configOf(p))])) as [
      ChildProcess,
      ChildProcess,
    ];
    const intake = createChangeIntake(workers.world().db, { debounceMs: 0 });
    // A burst of duplicate notices for the same invoice, as webhooks plus polls would produce.
    for (let i = 0; i < 5; i++) {
      await intake.record([
        {
          portalId: p.portalId,
          side: 'hubspot',
          object: 'invoice',
          recordId: inv.id,
          eventId: `burst-${i}`,
        },
      ]);
    }
    await until(() => synced(p, inv.id));
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    expect([await exited(a), await exited(b)]).toEqual([0, 0]);
  }, 90_000);
});
