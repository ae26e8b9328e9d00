import { beforeEach, describe, expect, it } from '@jest/globals';
import { fixedClock } from '../ports/clock.ts';
import { customer, invoice, line, product, settings, sideRecord } from '../testing/factories.ts';
import { InMemoryApps, InMemoryStore, inMemoryPorts } from '../testing/in-memory-ports.ts';
import { drainPortal } from './drain-portal.ts';

let apps: InMemoryApps;
let store: InMemoryStore;
beforeEach(() => {
  apps = new InMemoryApps();
  store = new InMemoryStore(settings());
  apps.put(sideRecord('hubspot', 'customer', 'c1', customer()));
  apps.put(sideRecord('hubspot', 'product', 'p1', product()));
  apps.put(
    sideRecord(
      'hubspot',
      'invoice',
      'i1',
      invoice({ customerId: 'c1', lines: [line('USD', { productId: 'p1' })] }),
    ),
  );
  store.notify('hubspot', 'invoice', 'i1');
});

describe('drainPortal', () => {
  it('R-CON-4: creates the contact and product first, then the invoice pointing at them, in batches', async () => {
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ claimed: 1, processed: 1, deferred: 0, writes: 3, failures: 0 });
    const qboCustomer = store.linkOf('customer', 'hubspot', 'c1')?.quickbooksId;
    const qboItem = store.linkOf('product', 'hubspot', 'p1')?.quickbooksId;
    const qboInvoice = store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId;
    const written = apps.records.get(`invoice|quickbooks|${qboInvoice}`)?.record;
    expect(written).toMatchObject({ customerId: qboCustomer, lines: [{ productId: qboItem }] });
    // One batch per side per stage: customer and item together, then the invoice.
    expect(apps.calls.filter((c) => c.startsWith('write'))).toEqual([
      'write quickbooks 2',
      'write quickbooks 1',
    ]);
    expect(store.pending()).toEqual([]);
  });

  it('call budget: the round after the contact and product are created reads nothing again', async () => {
    await drainPortal(inMemoryPorts(apps, store), 'p1');
    // Round 1 reads the invoice, then what it references; round 2 takes all of it from round 1
    // and from the write answers (the new QBO customer), so each read happens once.
    const reads = apps.calls.filter((c) => c.startsWith('read'));
    expect(reads).toEqual([...new Set(reads)]);
    expect(reads).toEqual(['read hubspot invoice', 'read hubspot customer', 'read hubspot product']);
    expect(store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId).toBeTruthy();
  });

  it('call budget: a change of a linked QBO invoice reads its customer on the QBO side only (R-OBJ-6)', async () => {
    await drainPortal(inMemoryPorts(apps, store), 'p1');
    apps.calls.length = 0;
    store.notify('quickbooks', 'invoice', store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId ?? '');
    await drainPortal(inMemoryPorts(apps, store), 'p1');
    // The currency check weighs an invoice against its QBO customer: the HubSpot contact is not read.
    expect(apps.calls.filter((c) => c.startsWith('read'))).toEqual([
      'read quickbooks invoice',
      'read hubspot invoice',
      'read quickbooks customer',
    ]);
  });

  it('reports the time from each written change to its write, and nothing for an echo', async () => {
    const fiveSecondsLater = { ...inMemoryPorts(apps, store), clock: fixedClock('2026-02-01T00:00:05.000Z') };
    const report = await drainPortal(fiveSecondsLater, 'p1');
    expect(report.changeToWrite).toEqual([{ from: 'hubspot', ms: 5_000 }]);
    // Stored at once, taken five seconds later, written within the same instant of the fixed clock.
    expect(report.stages).toEqual([{ from: 'hubspot', ms: { notice: 0, queue: 5_000, write: 0 } }]);
    store.notify('quickbooks', 'invoice', store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId ?? '');
    expect(await drainPortal(fiveSecondsLater, 'p1')).toMatchObject({
      processed: 1,
      changeToWrite: [],
      stages: [],
    });
  });

  it('R-EDT-3: the echo of our own write (a QBO notice for the new invoice) writes nothing', async () => {
    await drainPortal(inMemoryPorts(apps, store), 'p1');
    const qboInvoice = store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId ?? '';
    store.notify('quickbooks', 'invoice', qboInvoice);
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ processed: 1, writes: 0 });
    expect(apps.all('quickbooks', 'invoice')).toHaveLength(1);
  });

  it('R-ERR-7: a transient failure leaves only its notice pending with backoff; a data error is stored and done (R-OBJ-1)', async () => {
    apps.put(
      sideRecord(
        'hubspot',
        'customer',
        'c2',
        customer({ email: 'bob@example.com', firstName: 'Bob', lastName: 'B', companyName: 'Bob Co' }),
      ),
    );
    store.notify('hubspot', 'customer', 'c2');
    apps.intercept = (c) =>
      c.object === 'customer' &&
      (c.kind === 'create' ? (c.record as { email?: string }).email === 'bob@example.com' : false)
        ? {
            ok: false,
            idempotencyKey: c.idempotencyKey,
            error: { code: 'rate_limited', message: '429', retryable: true },
          }
        : c.object === 'product'
          ? {
              ok: false,
              idempotencyKey: c.idempotencyKey,
              error: { code: 'invalid_field_value', message: 'bad', retryable: false },
            }
          : null;
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    // The product's data error is stored and its line goes to the Custom Line Item (R-OBJ-1); bob waits.
    expect(store.linkOf('customer', 'hubspot', 'c1')?.quickbooksId).toBeTruthy();
    expect(store.statuses.get('product|hubspot|p1')).toBe('invalid_field_value');
    expect(report).toMatchObject({ deferred: 1, processed: 1 });
    expect(store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId).toBeTruthy();
    expect(
      store.pending().map((n) => [n.recordId, n.attempts, n.notBefore > Date.parse('2026-02-01T00:00:00Z')]),
    ).toEqual([['c2', 1, true]]);
  });

  it('R-ERR-7, R-CON-4: an invoice whose customer was deferred by a transient error waits with it (pending, not failed), then follows it', async () => {
    let throttled = true;
    apps.intercept = (c) =>
      throttled && c.object === 'customer' && c.kind === 'create'
        ? {
            ok: false,
            idempotencyKey: c.idempotencyKey,
            error: { code: 'rate_limited', message: '429', retryable: true },
          }
        : null;
    store.notify('hubspot', 'customer', 'c1');
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ deferred: 2, failures: 0 });
    expect(store.statuses.get('invoice|hubspot|i1')).toBe('pending');
    expect(store.pending().map((n) => [n.recordId, n.attempts])).toEqual([
      ['i1', 1],
      ['c1', 1],
    ]);
    expect(apps.all('quickbooks', 'invoice')).toHaveLength(0);

    throttled = false;
    const later = { ...inMemoryPorts(apps, store), clock: fixedClock(new Date('2026-03-01T00:00:00Z')) };
    await drainPortal(later, 'p1');
    expect(store.pending()).toEqual([]);
    const qboCustomer = store.linkOf('customer', 'hubspot', 'c1')?.quickbooksId;
    expect(
      apps.all('quickbooks', 'invoice').map((r) => (r.record as { customerId: string }).customerId),
    ).toEqual([qboCustomer]);
  });

  it('R-ERR-7: a record holding a value the reader cannot take fails alone with its code; the rest of the drain goes on', async () => {
    apps.put(sideRecord('hubspot', 'customer', 'c2', customer({ email: 'bad@example.com' })));
    apps.unparsable.add('customer|hubspot|c2');
    store.notify('hubspot', 'customer', 'c2');
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ claimed: 2, processed: 2, deferred: 0, failures: 1 });
    expect(store.statuses.get('customer|hubspot|c2')).toBe('invalid_field_value');
    expect(store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId).toBeTruthy();
    expect(store.pending()).toEqual([]);
  });

  it('exactly once: a crash after the remote create and before our commit replays instead of duplicating', async () => {
    let crash = true;
    const original = apps.writer('quickbooks');
    const ports = inMemoryPorts(apps, store);
    const crashing = {
      ...ports,
      writers: {
        ...ports.writers,
        quickbooks: {
          side: 'quickbooks' as const,
          writeBatch: async (commands: Parameters<typeof original.writeBatch>[0]) => {
            const results = await original.writeBatch(commands);
            if (crash && commands.some((c) => c.object === 'invoice')) throw new Error('SIGKILL');
            return results;
          },
        },
      },
    };
    await expect(drainPortal(crashing, 'p1')).rejects.toThrow('SIGKILL');
    expect(store.linkOf('invoice', 'hubspot', 'i1')?.pendingCreate).not.toBeNull();
    crash = false;
    await drainPortal(crashing, 'p1');
    expect(apps.all('quickbooks', 'invoice')).toHaveLength(1);
    expect(apps.all('quickbooks', 'customer')).toHaveLength(1);
    expect(store.linkOf('invoice', 'hubspot', 'i1')).toMatchObject({
      pendingCreate: null,
      quickbooksId: expect.any(String),
    });
  });

  it('a commit that fails (a database timeout) marks no notice processed; the next drain syncs it without a duplicate', async () => {
    const ports = inMemoryPorts(apps, store);
    const failing = {
      ...ports,
      store: Object.assign(Object.create(store), {
        commitPlanResults: async () => {
          throw new Error('Transaction already closed: timeout');
        },
      }) as InMemoryStore,
    };
    await expect(drainPortal(failing, 'p1')).rejects.toThrow('Transaction already closed');
    expect(store.pending().map((n) => n.recordId)).toEqual(['i1']);
    await drainPortal(ports, 'p1');
    expect(store.pending()).toEqual([]);
    expect(apps.all('quickbooks', 'invoice')).toHaveLength(1);
    expect(apps.all('quickbooks', 'customer')).toHaveLength(1);
    expect(store.linkOf('invoice', 'hubspot', 'i1')?.quickbooksId).toBeTruthy();
  });

  it('R-OBJ-2: when the natural-key lookup fails nothing is created (a match could be missed); the notice waits', async () => {
    apps.lookupsFail = true;
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ writes: 0, deferred: 1 });
    expect(apps.calls.filter((c) => c.startsWith('write'))).toEqual([]);
    expect(store.pending()).toHaveLength(1);
  });

  it('R-CON-5: notices of an object whose sync is off are dropped and write nothing', async () => {
    store.settings = settings({ invoice: { enabled: false } });
    const report = await drainPortal(inMemoryPorts(apps, store), 'p1');
    expect(report).toMatchObject({ processed: 1, writes: 0 });
    expect(apps.all('quickbooks', 'invoice')).toHaveLength(0);
  });
});
