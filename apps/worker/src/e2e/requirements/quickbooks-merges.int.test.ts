import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYNC_STATUS_PROPERTY } from '@ledgersync/hubspot';
import { createChangeIntake } from '@ledgersync/jobs';
import {
  type HsObject,
  startTestWorld,
  syncingPortal,
  type TestPortal,
  type TestWorld,
} from '@ledgersync/test-world';
import { countQbo } from '../fixtures.ts';
import { linkOfQuickBooks } from './requirement-fixtures.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

let events = 0;
/**
 * The bookkeeper merges `fromId` into `intoId` in QBO; the webhook's Merge entity reaches us as the
 * notices the server stores for it: the merged-away id with its survivor, and the survivor (see
 * apps/server/src/routes/webhooks/quickbooks-merge-webhook.int.test.ts).
 */
async function mergeInQbo(p: TestPortal, fromId: string, intoId: string): Promise<void> {
  const response = await fetch(`${world.qboUrl}/_emulator/realms/${p.realmId}/customers/merge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fromId, intoId }),
  });
  if (!response.ok) throw new Error(`merge → ${response.status} ${await response.text()}`);
  await createChangeIntake(world.db, { debounceMs: 60_000 }).record([
    {
      portalId: p.portalId,
      side: 'quickbooks',
      object: 'customer',
      recordId: fromId,
      mergedIntoId: intoId,
      eventId: `e2e-merge-${p.portalId}-${++events}`,
    },
    {
      portalId: p.portalId,
      side: 'quickbooks',
      object: 'customer',
      recordId: intoId,
      eventId: `e2e-merge-${p.portalId}-${++events}`,
    },
  ]);
}

async function qboCustomer(p: TestPortal, name: string, email: string): Promise<string> {
  const c = await p.qbo.create(
    'Customer',
    { DisplayName: name, PrimaryEmailAddr: { Address: email } },
    `e2e-${email}`,
  );
  return c.Id;
}

async function hsContacts(p: TestPortal): Promise<HsObject[]> {
  const page = await p.hs<{ results: HsObject[] }>(
    `/crm/v3/objects/contacts?limit=100&properties=email,${SYNC_STATUS_PROPERTY}`,
  );
  return page.results;
}

describe('QuickBooks customer merges', () => {
  it('R-OBJ-7: two linked QBO customers merged in QBO: the merged one’s contact is kept and marked, nothing deleted or duplicated', async () => {
    const p = await syncingPortal(world);
    const keep = await qboCustomer(p, 'Keep Ltd', 'keep@example.com');
    const drop = await qboCustomer(p, 'Drop Ltd', 'drop@example.com');
    await p.notify('quickbooks', 'customer', keep);
    await p.notify('quickbooks', 'customer', drop);
    await p.drain();
    const keepLink = await linkOfQuickBooks(world, p, 'customer', keep);
    const dropLink = await linkOfQuickBooks(world, p, 'customer', drop);
    expect(keepLink).toMatchObject({ status: 'synced' });
    expect(dropLink).toMatchObject({ status: 'synced' });
    expect(await hsContacts(p)).toHaveLength(2);

    await mergeInQbo(p, drop, keep);
    await p.drain();

    // The survivor has its own contact: the merged customer's contact keeps its link, marked.
    expect(await world.db.recordLink.findUniqueOrThrow({ where: { id: dropLink?.id ?? '' } })).toMatchObject({
      quickbooksId: drop,
      hubspotId: dropLink?.hubspotId,
      deletedOn: 'quickbooks',
    });
    expect(await world.db.recordLink.findUniqueOrThrow({ where: { id: keepLink?.id ?? '' } })).toMatchObject({
      quickbooksId: keep,
      hubspotId: keepLink?.hubspotId,
      deletedOn: null,
    });
    const activity = await world.db.syncActivity.findMany({
      where: { linkId: dropLink?.id ?? '' },
      orderBy: { id: 'asc' },
    });
    expect(activity.at(-1)?.message).toContain(`merged into ${keep}`);
    const contacts = await hsContacts(p);
    expect(contacts).toHaveLength(2);
    expect(contacts.find((c) => c.id === dropLink?.hubspotId)?.properties[SYNC_STATUS_PROPERTY]).toBe(
      'counterpart_deleted',
    );
    expect(await countQbo(p, 'Customer')).toBe(1);
    const pending = await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } });
    expect(pending).toBe(0);
  });

  it('R-OBJ-7: a QBO customer merged into an unsynced one moves its link to the survivor, which then syncs to the same contact', async () => {
    const p = await syncingPortal(world);
    const old = await qboCustomer(p, 'Old Name Inc', 'old@example.com');
    await p.notify('quickbooks', 'customer', old);
    await p.drain();
    const link = await linkOfQuickBooks(world, p, 'customer', old);
    expect(link).toMatchObject({ status: 'synced' });
    // The survivor never reached us (no webhook for it).
    const survivor = await qboCustomer(p, 'New Name Inc', 'new@example.com');

    await mergeInQbo(p, old, survivor);
    await p.drain();

    const moved = await world.db.recordLink.findUniqueOrThrow({ where: { id: link?.id ?? '' } });
    expect(moved).toMatchObject({ quickbooksId: survivor, hubspotId: link?.hubspotId, deletedOn: null });
    const activity = await world.db.syncActivity.findMany({
      where: { linkId: moved.id },
      orderBy: { id: 'asc' },
    });
    expect(activity.map((a) => a.message)).toContainEqual(expect.stringContaining(`merged into ${survivor}`));
    // The survivor's own notice then brings its values to the same contact.
    expect((await p.read('hubspot', 'customer', link?.hubspotId ?? '')).email).toBe('new@example.com');

    const current = await p.qbo.read('Customer', survivor);
    await p.qbo.sparseUpdate(
      'Customer',
      { Id: survivor, SyncToken: current.SyncToken ?? '0', PrimaryPhone: { FreeFormNumber: '555-0199' } },
      `e2e-phone-${survivor}`,
    );
    await p.notify('quickbooks', 'customer', survivor);
    await p.drain();
    expect((await p.read('hubspot', 'customer', link?.hubspotId ?? '')).phone).toBe('555-0199');
    expect(await hsContacts(p)).toHaveLength(1);
  });
});
