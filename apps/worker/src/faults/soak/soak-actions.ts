import type { HsObject, TestPortal, TestWorld } from '@ledgersync/test-world';
import { qboApi } from '../../e2e/fixtures.ts';
import { type FaultRule, injectHubSpot, injectQbo } from '../emulator-faults.ts';
import type { Random } from '../random.ts';

/** What the soak has made so far and must find exactly once at the end. */
export interface SoakLedger {
  customerNames: string[];
  invoiceDocNumbers: string[];
  qboIds: { customer: string[]; invoice: string[]; payment: string[] };
  hubspotContactIds: string[];
  /** Customers edited on either side: both sides must agree on them at the end. */
  edited: Set<string>;
  edits: number;
}

let made = 0;

const phone = (random: Random) => `+1 555 ${String(random.int(0, 10_000)).padStart(4, '0')}`;

/** One user action on either side, with the notice its webhook would bring. */
export async function randomEdit(
  world: TestWorld,
  p: TestPortal,
  ledger: SoakLedger,
  random: Random,
): Promise<string> {
  const kind = random.pick(['hs-edit', 'qbo-edit', 'hs-create', 'qbo-create'] as const);
  ledger.edits += 1;
  if (kind === 'hs-edit' && ledger.hubspotContactIds.length > 0) {
    const id = random.pick(ledger.hubspotContactIds);
    await p.hs(`/crm/v3/objects/contacts/${id}`, {
      method: 'PATCH',
      body: { properties: { phone: phone(random) } },
    });
    ledger.edited.add(`hubspot:${id}`);
    await p.notify('hubspot', 'customer', id);
    return kind;
  }
  if (kind === 'qbo-edit' && ledger.qboIds.customer.length > 0) {
    const id = random.pick(ledger.qboIds.customer);
    const { Customer } = await qboApi<{ Customer: { SyncToken: string } }>(world, p, `customer/${id}`);
    await qboApi(world, p, 'customer', {
      sparse: true,
      Id: id,
      SyncToken: Customer.SyncToken,
      PrimaryPhone: { FreeFormNumber: phone(random) },
    });
    ledger.edited.add(`quickbooks:${id}`);
    await p.notify('quickbooks', 'customer', id);
    return kind;
  }
  made += 1;
  if (kind === 'hs-create' || kind === 'hs-edit') {
    const contact = await p.hs<HsObject>('/crm/v3/objects/contacts', {
      method: 'POST',
      body: { properties: { email: `soak-hs-${made}@example.com`, firstname: 'Soak', lastname: `H${made}` } },
    });
    ledger.hubspotContactIds.push(contact.id);
    ledger.customerNames.push(`Soak H${made}`);
    await p.notify('hubspot', 'customer', contact.id);
    return 'hs-create';
  }
  const name = `Soak Q${made}`;
  const { Customer } = await qboApi<{ Customer: { Id: string } }>(world, p, 'customer', {
    DisplayName: name,
    GivenName: 'Soak',
    FamilyName: `Q${made}`,
    PrimaryEmailAddr: { Address: `soak-qbo-${made}@example.com` },
  });
  ledger.qboIds.customer.push(Customer.Id);
  ledger.customerNames.push(name);
  await p.notify('quickbooks', 'customer', Customer.Id);
  return 'qbo-create';
}

const FAULTS: ReadonlyArray<{ name: string; side: 'qbo' | 'hubspot'; rule: FaultRule }> = [
  { name: 'qbo 429', side: 'qbo', rule: { path: '/v3/company', status: 429, count: 3 } },
  { name: 'hubspot 429', side: 'hubspot', rule: { path: '/crm', status: 429, count: 8 } },
  { name: 'qbo 503', side: 'qbo', rule: { path: '/v3/company', status: 503, count: 3 } },
  { name: 'qbo 500', side: 'qbo', rule: { path: '/v3/company', status: 500, count: 2 } },
  { name: 'hubspot 502', side: 'hubspot', rule: { path: '/crm', status: 502, count: 3 } },
  { name: 'qbo reset', side: 'qbo', rule: { path: '/v3/company', method: 'POST', drop: true, count: 1 } },
  { name: 'hubspot reset', side: 'hubspot', rule: { path: '/crm', method: 'POST', drop: true, count: 1 } },
  { name: 'qbo stall', side: 'qbo', rule: { path: '/v3/company', method: 'POST', delayMs: 2_500, count: 1 } },
];

/** Arms one random fault (or none) for the next drain; returns its name. */
export async function randomFault(world: TestWorld, random: Random): Promise<string> {
  if (random.next() < 0.2) return 'none';
  const fault = random.pick(FAULTS);
  await (fault.side === 'qbo' ? injectQbo(world, fault.rule) : injectHubSpot(world, fault.rule));
  return fault.name;
}
