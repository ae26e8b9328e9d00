import { describe, expect, it } from '@jest/globals';
import { createSyncSettingsRepository } from '@ledgersync/db';
import { createChangeIntake, setObjectSyncEnabled } from '@ledgersync/jobs';
import { QboQuery } from '@ledgersync/quickbooks';
import type { HsObject } from '@ledgersync/test-world';
import { injectQbo } from '../faults/emulator-faults.ts';
import { until } from './fixtures.ts';
import { useWorkerProcesses } from './worker-processes.ts';

const workers = useWorkerProcesses();
const { configOf, startChild, exited } = workers;

// 450 existing HubSpot contacts are three pages of HubSpot search (200, 200, 50): enough for a
// worker to die between its first page and its last.
const CONTACTS = 450;

describe('a first sync across a worker crash (R-CON-7)', () => {
  it('resumes from its cursor after a SIGKILL: nothing duplicated or lost; a live change is synced while it runs', async () => {
    const world = workers.world();
    const p = await world.newPortal();
    for (let start = 0; start < CONTACTS; start += 100) {
      await p.hs('/crm/v3/objects/contacts/batch/create', {
        method: 'POST',
        body: {
          inputs: Array.from({ length: Math.min(100, CONTACTS - start) }, (_, k) => ({
            properties: {
              email: `existing-${start + k}@resume.test`,
              firstname: 'Existing',
              lastname: `Contact ${start + k}`,
            },
          })),
        },
      });
    }
    // Every QBO batch is slowed down, so each page takes a while and the kill lands inside one.
    await injectQbo(world, { path: '/batch', method: 'POST', count: 1_000, delayMs: 400 });
    const first = await startChild(configOf(p));
    // Turned on as the server turns it on: the rule saved, then the switch through the job catalogue.
    await createSyncSettingsRepository(world.db).save(p.portalId, 'customer', {
      enabled: true,
      direction: 'hubspot_to_quickbooks',
    });
    await setObjectSyncEnabled(world.db, p.portalId, 'customer', true);
    const run = () => world.db.syncRun.findFirstOrThrow({ where: { portalId: p.portalId } });
    await until(async () => (await run()).pages >= 1, 60_000);

    // A live change between pages: a contact of the first page renamed in HubSpot.
    const renamed = await p.hs<{ results: HsObject[] }>('/crm/v3/objects/contacts/search', {
      method: 'POST',
      body: {
        filterGroups: [
          { filters: [{ propertyName: 'email', operator: 'EQ', value: 'existing-0@resume.test' }] },
        ],
        properties: ['email'],
      },
    });
    const contactId = renamed.results[0]?.id ?? '';
    await p.hs(`/crm/v3/objects/contacts/${contactId}`, {
      method: 'PATCH',
      body: { properties: { lastname: 'Renamed meanwhile' } },
    });
    await createChangeIntake(world.db, { debounceMs: 0 }).record([
      {
        portalId: p.portalId,
        side: 'hubspot',
        object: 'customer',
        recordId: contactId,
        eventId: `live-${contactId}`,
      },
    ]);

    first.kill('SIGKILL');
    await exited(first);
    const stopped = await run();
    expect(stopped.status).toBe('running');
    expect(stopped.pages).toBeLessThan(3);

    const second = await startChild(configOf(p));
    await until(async () => (await run()).status === 'done', 120_000);
    const finished = await run();
    expect(finished).toMatchObject({ total: CONTACTS, done: CONTACTS, failed: 0, pages: 3 });

    const customers = [];
    for await (const c of p.qbo.queryAll(QboQuery.select('Customer'))) customers.push(c);
    const emails = customers.map((c) => c.PrimaryEmailAddr?.Address);
    expect(customers).toHaveLength(CONTACTS);
    expect(new Set(emails).size).toBe(CONTACTS);
    // The live change reached QBO, through a drain that ran before the first sync's last page.
    const live = customers.find((c) => c.PrimaryEmailAddr?.Address === 'existing-0@resume.test');
    expect(live?.FamilyName).toBe('Renamed meanwhile');
    const notice = await world.db.changeNotice.findFirstOrThrow({
      where: { portalId: p.portalId, recordId: contactId },
    });
    expect(notice.processedAt?.getTime()).toBeLessThan(finished.finishedAt?.getTime() ?? 0);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 240_000);
});
