import { expect } from '@jest/globals';
import type { SyncObject } from '@ledgersync/sync-engine';
import type { HsObject, TestPortal, TestWorld } from '@ledgersync/test-world';
import { finalizedHubSpotInvoice, qboApi } from '../fixtures.ts';

// What a HubSpot user and a bookkeeper do by hand, through the emulators' public APIs.

export function hsContact(p: TestPortal, properties: Record<string, string>): Promise<HsObject> {
  return p.hs<HsObject>('/crm/v3/objects/contacts', { method: 'POST', body: { properties } });
}

export function hsProduct(p: TestPortal, properties: Record<string, string>): Promise<HsObject> {
  return p.hs<HsObject>('/crm/v3/objects/products', { method: 'POST', body: { properties } });
}

/** A sales user drafts an invoice in HubSpot and finalizes it. */
export async function hsFinalizedInvoice(
  p: TestPortal,
  input: {
    contactId: string;
    lineItems: Record<string, string>[];
    properties?: Record<string, string>;
  },
): Promise<HsObject> {
  const draft = await p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices`, input);
  return p.hsControl<HsObject>(`/portals/${p.hubId}/ui/invoices/${draft.id}/finalize`);
}

/** A bookkeeper changes company settings in QBO (a sparse Preferences update). */
export async function setQboPreferences(
  world: TestWorld,
  p: TestPortal,
  preferences: Record<string, unknown>,
): Promise<void> {
  await qboApi(world, p, 'preferences?minorversion=75', { ...preferences, sparse: true });
}

export async function linkOfHubSpot(world: TestWorld, p: TestPortal, hubspotId: string) {
  return world.db.recordLink.findFirst({ where: { portalId: p.portalId, hubspotId } });
}

export async function linkOfQuickBooks(
  world: TestWorld,
  p: TestPortal,
  object: SyncObject,
  quickbooksId: string,
) {
  return world.db.recordLink.findFirst({ where: { portalId: p.portalId, object, quickbooksId } });
}

export async function activityOf(world: TestWorld, p: TestPortal) {
  return world.db.syncActivity.findMany({ where: { portalId: p.portalId }, orderBy: { id: 'asc' } });
}

/** A finalized HubSpot invoice, synced to QBO by one drain; returns both ids. */
export async function syncedHubSpotInvoice(world: TestWorld, p: TestPortal) {
  const invoice = await finalizedHubSpotInvoice(p, `${p.hubId}@example.com`);
  await p.notify('hubspot', 'invoice', invoice.id);
  await p.drain();
  const link = await linkOfHubSpot(world, p, invoice.id);
  expect(link).toMatchObject({ status: 'synced' });
  return { hubspotId: invoice.id, quickbooksId: link?.quickbooksId ?? '' };
}
