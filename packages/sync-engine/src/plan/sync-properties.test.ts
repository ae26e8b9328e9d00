import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fieldSpecs } from '../mapping/field-projection.ts';
import { buildRefIndex } from '../mapping/ref-index.ts';
import { stableEqual } from '../mapping/stable-equal.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import { HUBSPOT_OWNED_INVOICE_FIELDS } from '../rules/hubspot-invoice-edited-in-quickbooks.ts';
import type { Direction, PortalSettings } from '../settings/portal-settings.ts';
import { customer, invoice, line, settings, sideRecord } from '../testing/factories.ts';
import { SyncWorld, writes } from '../testing/sync-world.ts';

const RUNS = { numRuns: 1000 };
const T0 = '2026-01-01T00:00:00.000Z';

const policy = fc.constantFrom({ kind: 'prefer_hubspot' as const }, { kind: 'prefer_quickbooks' as const });
const text = fc.option(fc.constantFrom('a', 'b', 'c', 'Ünïcode', ''), { nil: null });
const customerEdit = fc.record(
  { firstName: text, lastName: text, phone: text, companyName: text },
  { requiredKeys: [] },
);
const invoiceEdit = fc.record(
  {
    dueDate: fc.constantFrom('2026-04-01', '2026-05-01', null),
    comments: text,
    number: fc.constantFrom('INV-1', 'INV-2', 'X'),
  },
  { requiredKeys: [] },
);
const linesEdit = fc.option(
  fc.array(
    fc.record({
      quantity: fc.constantFrom('1', '2', '0.5', '3'),
      unitPrice: fc.constantFrom('10', '9.99', '0.01'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  { nil: undefined },
);

interface Scenario {
  origin: Side;
  direction: Direction;
  policy: PortalSettings['invoice']['conflictPolicy'];
  disabled: string[];
  hsCustomer: Record<string, unknown>;
  qbCustomer: Record<string, unknown>;
  hsInvoice: Record<string, unknown>;
  qbInvoice: Record<string, unknown>;
  ownerLines: { quantity: string; unitPrice: string }[] | undefined;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    origin: fc.constantFrom<Side>('hubspot', 'quickbooks'),
    oneWay: fc.boolean(),
    policy,
    disabled: fc.subarray(['firstName', 'phone', 'comments', 'dueDate']),
    hsCustomer: customerEdit,
    qbCustomer: customerEdit,
    hsInvoice: invoiceEdit,
    qbInvoice: invoiceEdit,
    ownerLines: linesEdit,
  })
  .map(({ oneWay, ...s }) => ({
    ...s,
    direction: (oneWay
      ? s.origin === 'hubspot'
        ? 'hubspot_to_quickbooks'
        : 'quickbooks_to_hubspot'
      : 'two_way') as Direction,
  }));

// Synced starting worlds depend on a few settings only; building each once keeps 1,000 cases fast.
const templates = new Map<string, SyncWorld>();

/** A customer and an invoice synced once, then edited on both sides as the scenario says. */
function editedWorld(s: Scenario) {
  const key = JSON.stringify([s.origin, s.direction, s.policy, s.disabled]);
  let template = templates.get(key);
  if (!template) {
    template = syncedWorld(s);
    templates.set(key, template);
  }
  return applyEdits(template.clone(), s);
}

function syncedWorld(s: Scenario): SyncWorld {
  const objectSettings = (direction: Direction) => ({
    enabled: true,
    direction,
    conflictPolicy: s.policy,
    disabledFields: s.disabled,
    syncStartedAt: T0,
  });
  const w = new SyncWorld(
    settings({
      customer: objectSettings('two_way'),
      invoice: { ...objectSettings(s.direction), customLineItemIncomeAccountId: 'a' },
    }),
  );
  const src = s.origin;
  w.put(sideRecord(src, 'customer', 'c', customer({ displayName: src === 'quickbooks' ? 'AE' : null })));
  w.put(
    sideRecord(
      src,
      'invoice',
      'i',
      invoice({ customerId: 'c', source: src === 'hubspot' ? 'hubspot' : 'quickbooks' }),
    ),
  );
  w.sync();
  return w;
}

function applyEdits(w: SyncWorld, s: Scenario) {
  const src = s.origin;
  const ids = (object: SyncObject) => {
    const l = w.linkOf(object, src, object === 'customer' ? 'c' : 'i')!;
    return { hubspot: l.hubspotId!, quickbooks: l.quickbooksId! };
  };
  const c = ids('customer');
  const i = ids('invoice');
  w.edit('customer', 'hubspot', c.hubspot, s.hsCustomer);
  w.edit('customer', 'quickbooks', c.quickbooks, s.qbCustomer);
  w.edit('invoice', 'hubspot', i.hubspot, s.hsInvoice);
  w.edit('invoice', 'quickbooks', i.quickbooks, s.qbInvoice);
  if (s.ownerLines) {
    const lines = s.ownerLines.map((l) => line('USD', l));
    const total = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0);
    w.edit('invoice', src, i[src], { lines, total: (total / 100).toFixed(2) });
  }
  return { w, c, i };
}

function disagreements(w: SyncWorld, s: Scenario, object: SyncObject, ids: Record<Side, string>): string[] {
  const cfg = object === 'invoice' ? w.settings.invoice : w.settings.customer;
  const specs = fieldSpecs(object, cfg.disabledFields, [], {
    refs: buildRefIndex(w.links),
    customLineItemId: w.customLineItemId,
    taxMapping: null,
  });
  const h = w.get(object, 'hubspot', ids.hubspot)!;
  const q = w.get(object, 'quickbooks', ids.quickbooks)!;
  void s;
  return specs
    .filter((f) => !stableEqual(f.normalize(f.read('hubspot', h)), f.normalize(f.read('quickbooks', q))))
    .map((f) => f.key);
}

describe('sync properties (fast-check, 1,000 cases each)', () => {
  it('idempotence: applying a plan and planning again yields no write', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { w } = editedWorld(s);
        w.sync();
        expect(writes(w.plan())).toEqual([]);
      }),
      RUNS,
    );
  });

  it('convergence: after a sync both sides agree on every mapped, enabled field, except a HubSpot invoice’s fields edited in QBO alone (R-EDT-1), which keep HubSpot’s value', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { w, c, i } = editedWorld(s);
        const hubspotBefore = w.get('invoice', 'hubspot', i.hubspot)!;
        w.sync();
        expect(disagreements(w, s, 'customer', c)).toEqual([]);
        // Every scenario starts from the factory's invoice: an edit is a value other than its own
        // (an empty text and none are one blank, as the merge compares them).
        const start = invoice() as unknown as Record<string, unknown>;
        const blank = (v: unknown) => (v === '' ? null : v);
        const edited = (e: Record<string, unknown>, f: string) => f in e && blank(e[f]) !== blank(start[f]);
        const ownerEdited =
          s.ownerLines !== undefined || HUBSPOT_OWNED_INVOICE_FIELDS.some((f) => edited(s.hsInvoice, f));
        const refused = HUBSPOT_OWNED_INVOICE_FIELDS.filter(
          (f) => s.origin === 'hubspot' && !ownerEdited && edited(s.qbInvoice, f),
        );
        const apart = disagreements(w, s, 'invoice', i);
        expect(apart.filter((f) => !(refused as string[]).includes(f))).toEqual([]);
        const hubspotAfter = w.get('invoice', 'hubspot', i.hubspot)!;
        for (const f of refused) expect(hubspotAfter[f]).toEqual(hubspotBefore[f]);
      }),
      RUNS,
    );
  });

  it('no echo (R-EDT-3): records equal to their merge base never produce a write, whatever their version', () => {
    fc.assert(
      fc.property(scenario, fc.nat(5), (s, bumps) => {
        const { w } = editedWorld(s);
        w.sync();
        for (const r of [...w.records.values()]) {
          w.put({ ...r, version: String(Number(r.version) + bumps) } as typeof r);
        }
        expect(writes(w.plan())).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the conflict rule is always honoured (R-MAP-2): a field changed on both sides ends with the winner’s value', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.string({ maxLength: 4 }),
        fc.string({ maxLength: 4 }),
        (s, hsValue, qbValue) => {
          fc.pre(hsValue !== qbValue);
          const { w, c } = editedWorld({ ...s, disabled: s.disabled.filter((d) => d !== 'firstName') });
          w.edit('customer', 'hubspot', c.hubspot, { lastName: `h${hsValue}` });
          w.edit('customer', 'quickbooks', c.quickbooks, { lastName: `q${qbValue}` });
          const plans = w.sync();
          const winner = s.policy.kind === 'prefer_hubspot' ? `h${hsValue}` : `q${qbValue}`;
          expect(w.get('customer', 'hubspot', c.hubspot)?.lastName).toBe(winner);
          expect(w.get('customer', 'quickbooks', c.quickbooks)?.lastName).toBe(winner);
          const conflicts = plans
            .flatMap((p) => p.actions)
            .flatMap((a) => (a.kind === 'write' ? a.conflicts : []));
          expect(conflicts.some((x) => x.field === 'lastName')).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
