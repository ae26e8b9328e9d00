import type { SyncError } from '../errors/sync-error-code.ts';
import { naturalKeysFor } from '../matching/natural-keys-for.ts';
import { objectSyncConfig } from '../plan/plan-context.ts';
import { referencesOf } from '../plan/references.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { AnySideRecord } from '../records/side-record.ts';
import { otherSide, type Side, type SyncObject } from '../records/sync-object.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import type { KnownRecords } from './known-records.ts';
import { groupRefs, type RecordRef, recordKey } from './record-key.ts';
import type { RunnerPorts } from './runner-ports.ts';

export interface GatheredBatch {
  readonly records: AnySideRecord[];
  readonly links: Link[];
  readonly mergeBases: MergeBase[];
  readonly candidates: AnySideRecord[];
  /** Seeds that could not be read, with the error, so their notices wait and retry. */
  readonly unreadable: { readonly ref: RecordRef; readonly error: SyncError }[];
  /** Seeds read but holding a value that cannot be taken: each fails alone with its data error. */
  readonly invalid: { readonly ref: RecordRef; readonly error: SyncError }[];
}

/**
 * Reads what the planner needs for a set of changed records, in batches per side and object:
 * the records, their links and merge bases, the linked counterparts, the records they reference
 * (an invoice's contact and products, a payment's invoices) and the natural-key candidates on the
 * other side. A record read as missing but linked is handed over as deleted (R-OBJ-7).
 */
export async function gatherBatch(
  ports: RunnerPorts,
  portalId: string,
  settings: PortalSettings,
  seeds: readonly RecordRef[],
  known: KnownRecords = new Map(),
): Promise<GatheredBatch> {
  const records = new Map<string, AnySideRecord>();
  const links = new Map<string, Link>();
  const bases = new Map<string, MergeBase>();
  const unreadable: GatheredBatch['unreadable'] = [];
  const invalid: GatheredBatch['invalid'] = [];
  const missing: RecordRef[] = [];

  const read = async (refs: readonly RecordRef[], isSeed: boolean) => {
    for (const r of refs) {
      const k = known.get(recordKey(r));
      if (k && !records.has(recordKey(r))) records.set(recordKey(r), k);
    }
    for (const g of groupRefs(refs.filter((r) => !records.has(recordKey(r))))) {
      const mergedInto = new Map(
        refs.flatMap((r) =>
          r.side === g.side && r.object === g.object && r.mergedInto !== undefined
            ? [[r.id, r.mergedInto]]
            : [],
        ),
      );
      const result = await ports.readers[g.side].readByIds(g.object, g.ids, { mergedInto });
      if (!result.ok) {
        if (isSeed) for (const id of g.ids) unreadable.push({ ref: { ...g, id }, error: result.error });
        continue;
      }
      for (const r of result.value.records) {
        records.set(recordKey(r), r as AnySideRecord);
        known.set(recordKey(r), r as AnySideRecord);
      }
      for (const id of result.value.missing) missing.push({ side: g.side, object: g.object, id });
      if (isSeed)
        for (const bad of result.value.invalid ?? [])
          invalid.push({ ref: { side: g.side, object: g.object, id: bad.id }, error: bad.error });
    }
  };
  const loadLinks = async (refs: readonly RecordRef[]) => {
    for (const g of groupRefs(refs)) {
      for (const l of await ports.store.findLinks(portalId, g.object, g.side, g.ids)) links.set(l.id, l);
    }
  };
  const linkOf = (r: RecordRef) =>
    [...links.values()].find(
      (l) => l.object === r.object && (r.side === 'hubspot' ? l.hubspotId : l.quickbooksId) === r.id,
    );
  const counterpartOf = (r: RecordRef): RecordRef | null => {
    const l = linkOf(r);
    const id = l ? (r.side === 'hubspot' ? l.quickbooksId : l.hubspotId) : null;
    return id === null ? null : { side: otherSide(r.side), object: r.object, id };
  };

  await read(seeds, true);
  await loadLinks(seeds);
  // A merge re-points a link only when the survivor has none of its own (R-OBJ-7): load theirs.
  await loadLinks(
    [...records.values()].flatMap((r) =>
      r.mergedInto === undefined ? [] : [{ side: r.side, object: r.object, id: r.mergedInto }],
    ),
  );
  // Counterparts of linked seeds, and what every record read so far refers to.
  await read(
    seeds.map(counterpartOf).filter((r): r is RecordRef => r !== null),
    false,
  );
  const references = [...records.values()].flatMap((r) =>
    referencesOf(r.object, r.record).map((ref) => ({ side: r.side, object: ref.object, id: ref.id })),
  );
  await loadLinks(references);
  const enabled = (o: SyncObject) => objectSyncConfig(settings, o).enabled;
  // An unlinked referenced record joins the batch so it is created (or matched) first; so does one
  // whose create a crashed drain left pending, so the create is reconciled instead of the invoice
  // failing for want of it. A link whose counterpart was deleted stays as it is: it is never
  // recreated (R-OBJ-7). Of the linked ones only customers are read, for the invoice currency
  // check (R-OBJ-6): only their QBO side, the one an outbound invoice is checked against.
  // So does a HubSpot contact the billing-contact filter left out (R-FLT-5: it holds only a status
  // row) when an invoice of this batch bills it: that invoice is what makes it one to sync.
  const billingContactFilterOn = settings.customer.filters.some(
    (f) => f.kind === 'billing_contact_of_synced_invoice',
  );
  const needsCreate = (r: RecordRef) => {
    const link = linkOf(r);
    if (link === undefined || link.state === 'pending_create') return true;
    return (
      billingContactFilterOn &&
      r.object === 'customer' &&
      r.side === 'hubspot' &&
      link.state === 'active' &&
      link.quickbooksId === null
    );
  };
  await read(
    references.filter((r) => enabled(r.object) && needsCreate(r)),
    false,
  );
  await read(
    references
      .filter((r) => r.object === 'customer' && r.side === 'hubspot')
      .map(counterpartOf)
      .filter((r): r is RecordRef => r !== null),
    false,
  );

  for (const b of await ports.store.readMergeBases(portalId, [...links.keys()])) bases.set(b.linkId, b);
  for (const m of missing) {
    const link = linkOf(m);
    const base = link ? bases.get(link.id) : undefined;
    const last = base?.[m.side];
    if (!link || !base || !last) continue;
    const version = (m.side === 'hubspot' ? base.hubspotVersion : base.quickbooksVersion) ?? '0';
    const at = ports.clock.now().toISOString();
    records.set(recordKey(m), {
      side: m.side,
      object: m.object,
      id: m.id,
      version,
      createdAt: base.syncedAt,
      updatedAt: at,
      deleted: true,
      record: last,
    } as AnySideRecord);
  }

  const lookup = await findCandidates(ports, portalId, [...records.values()], linkOf, links);
  // Without the lookup a match could be missed and a duplicate created: the whole batch waits.
  if (lookup.error) for (const ref of seeds) unreadable.push({ ref, error: lookup.error });
  const candidates = lookup.found;
  // Candidates bring links of their own (a payment recorded again takes over one): their bases too.
  const unread = [...links.keys()].filter((id) => !bases.has(id));
  if (unread.length > 0)
    for (const b of await ports.store.readMergeBases(portalId, unread)) bases.set(b.linkId, b);
  return {
    records: lookup.error ? [] : [...records.values()],
    links: [...links.values()],
    mergeBases: [...bases.values()],
    candidates,
    unreadable,
    invalid,
  };
}

async function findCandidates(
  ports: RunnerPorts,
  portalId: string,
  records: readonly AnySideRecord[],
  linkOf: (r: RecordRef) => Link | undefined,
  links: Map<string, Link>,
): Promise<{ found: AnySideRecord[]; error: SyncError | null }> {
  const found: AnySideRecord[] = [];
  for (const side of ['hubspot', 'quickbooks'] as const satisfies readonly Side[]) {
    const unlinked = records.filter((r) => {
      const l = linkOf(r);
      return r.side === side && !r.deleted && (!l || l.hubspotId === null || l.quickbooksId === null);
    });
    const keys = naturalKeysFor(unlinked, (invoiceId) => {
      const link = linkOf({ side: 'quickbooks', object: 'invoice', id: invoiceId });
      return link?.origin === 'hubspot' ? link.hubspotId : null;
    });
    if (keys.length === 0) continue;
    const result = await ports.readers[otherSide(side)].findByNaturalKeys(keys);
    if (!result.ok) return { found, error: result.error };
    for (const c of result.value) found.push(c as AnySideRecord);
    // A candidate that is already linked to something else must not be matched again.
    for (const g of groupRefs(result.value)) {
      for (const l of await ports.store.findLinks(portalId, g.object, g.side, g.ids)) links.set(l.id, l);
    }
  }
  return { found, error: null };
}
