import type { SyncObject } from '@ledgersync/sync-engine';

// HubSpot's object type ids (docs/hubspot-api-facts.md § CRM objects); payments are commerce payments.
const HUBSPOT_OBJECT_TYPE_ID: Readonly<Record<SyncObject, string>> = {
  customer: '0-1',
  product: '0-7',
  invoice: '0-53',
  payment: '0-101',
};

/** A HubSpot record's page, from the server's template (HubSpot's web app, the sandbox's preview). */
export function hubspotRecordUrl(
  template: string,
  hubId: bigint,
  object: SyncObject,
  recordId: string,
): string {
  return template
    .replace('{hubId}', hubId.toString())
    .replace('{objectTypeId}', HUBSPOT_OBJECT_TYPE_ID[object])
    .replace('{recordId}', encodeURIComponent(recordId));
}

// QuickBooks Online's own pages. Items have no page of their own: their list is where one is found.
const QUICKBOOKS_PAGE: Readonly<Record<SyncObject, (id: string) => string>> = {
  invoice: (id) => `/app/invoice?txnId=${id}`,
  payment: (id) => `/app/recvpayment?txnId=${id}`,
  customer: (id) => `/app/customerdetail?nameId=${id}`,
  product: () => '/app/items',
};

/** A QBO record's page under the QuickBooks web app (the emulator's view in the sandbox). */
export function quickbooksRecordUrl(appBaseUrl: string, object: SyncObject, recordId: string): string {
  return `${appBaseUrl}${QUICKBOOKS_PAGE[object](encodeURIComponent(recordId))}`;
}
