import type { TestPortal } from '@ledgersync/test-world';
import { json } from './http.ts';
import type { BenchWorld } from './start-bench-world.ts';

/** A QBO user changes an invoice's due date (read for the SyncToken, then a sparse update): 2 QBO calls. */
export async function editQuickBooksDueDate(
  world: BenchWorld,
  p: TestPortal,
  id: string,
  dueDate: string,
): Promise<void> {
  const url = `${world.qboUrl}/v3/company/${p.realmId}/invoice`;
  const headers = { authorization: `Bearer ${p.qboToken}`, accept: 'application/json' };
  const { Invoice } = await json<{ Invoice: { SyncToken: string } }>(`${url}/${id}`, { headers });
  await json(url, {
    headers,
    body: { Id: id, SyncToken: Invoice.SyncToken, sparse: true, DueDate: dueDate },
  });
}

/** A HubSpot user changes an invoice's due date in the UI (not the app: not counted, not limited). */
export async function editHubSpotDueDate(
  world: BenchWorld,
  p: TestPortal,
  id: string,
  dueDate: string,
): Promise<void> {
  await json(`${world.hubspotUrl}/_emulator/portals/${p.hubId}/ui/invoices/${id}`, {
    method: 'PATCH',
    body: { properties: { hs_due_date: String(Date.parse(`${dueDate}T00:00:00.000Z`)) } },
  });
}

/** Calls one `editQuickBooksDueDate` makes, to subtract from the adapters' count. */
export const QBO_CALLS_PER_EDIT = 2;
