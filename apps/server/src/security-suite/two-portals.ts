import type { Portal } from '@ledgersync/db';
import { startFirstSync } from '@ledgersync/jobs';
import type { HistoricalInvoice } from '../ports/hubspot-gateway.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { PO_MAPPING, type PortalIds } from './route-catalogue.ts';

export interface SeededPortal {
  portal: Portal;
  realmId: string;
  ids: PortalIds;
  /** Strings only this portal's data contains: another portal's response must never show them. */
  markers: string[];
}

/**
 * One server with two installed, connected professional portals, each with its own invoice link,
 * activity, backfill, first sync, custom mapping, settings and historical invoices. Ids never coincide, so a
 * response naming the other portal's id or marker is a leak.
 */
export async function twoPortals(): Promise<{ t: TestServer; a: SeededPortal; b: SeededPortal }> {
  const t = await startTestServer();
  const seed = async (tag: 'a' | 'b', invoiceId: string): Promise<SeededPortal> => {
    const realmId = `realm-${tag}-${invoiceId}`;
    const portal = await t.portal({ tier: 'professional', realmId });
    await t.db.syncSettings.create({
      data: { portalId: portal.id, object: 'invoice', direction: 'two_way', enabled: true },
    });
    const created = await t.signed(t.app, portal, 'POST', '/api/v1/settings/custom-mappings', PO_MAPPING);
    if (created.statusCode !== 201) throw new Error(`seed mapping: ${created.body}`);
    const mappingId: string = created.json().customMappings[0].id;
    const display = `${tag.toUpperCase()}-ONLY-INV-${invoiceId}`;
    const link = await t.db.recordLink.create({
      data: {
        portalId: portal.id,
        object: 'invoice',
        origin: 'hubspot',
        status: 'failed',
        hubspotId: invoiceId,
        quickbooksId: `q${invoiceId}`,
        displayNumber: display,
        errorCode: 'closed_period',
        errorMessage: `${tag}-only error text`,
        amount: '12.34',
        currency: 'USD',
      },
    });
    await t.db.syncActivity.create({
      data: {
        portalId: portal.id,
        linkId: link.id,
        object: 'invoice',
        direction: 'hubspot_to_quickbooks',
        action: 'failed',
        changedFields: [`${tag}-only-field`],
        message: `${tag}-only activity`,
        occurredAt: t.clock.now,
      },
    });
    const backfill = await t.db.backfill.create({
      data: {
        portalId: portal.id,
        object: 'invoice',
        from: new Date('2024-01-01T00:00:00Z'),
        to: new Date('2024-12-31T00:00:00Z'),
        status: 'done',
        total: 7,
        done: 7,
      },
    });
    const syncRunId = await startFirstSync(t.db, portal.id, 'customer', 'quickbooks');
    t.hubspot.history.set(Number(portal.hubId), [historical(`${tag.toUpperCase()}-ONLY-HIST`)]);
    return {
      portal,
      realmId,
      ids: { invoiceId, recordId: link.id, backfillId: backfill.id, syncRunId, mappingId },
      markers: [
        display,
        `${tag}-only`,
        realmId,
        link.id,
        backfill.id,
        syncRunId,
        mappingId,
        `${tag.toUpperCase()}-ONLY-HIST`,
      ],
    };
  };
  const a = await seed('a', '101');
  const b = await seed('b', '202');
  return { t, a, b };
}

function historical(number: string): HistoricalInvoice {
  return {
    id: '1',
    number,
    invoiceDate: '2024-03-01',
    dueDate: null,
    currency: 'USD',
    customerName: 'X',
    customerEmail: 'x@example.com',
    memo: null,
    lines: [{ productId: '1', name: 'Item', description: null, quantity: '1', unitPrice: '5', amount: '5' }],
  };
}
