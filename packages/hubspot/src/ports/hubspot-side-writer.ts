import type {
  RecordOf,
  SideWriter,
  SyncError,
  SyncObject,
  WriteCommand,
  WriteResult,
} from '@ledgersync/sync-engine';
import { batchReadObjects, batchUpdateObjects } from '../crm/batch-objects.ts';
import type { HubSpotObject, Properties } from '../crm/hubspot-object.ts';
import { LAST_SYNCED_AT_PROPERTY, OBJECT_TYPE_FOR, SYNC_STATUS_PROPERTY } from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError, toSyncError } from '../http/hubspot-failure.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import {
  type AssociationTypeCatalogue,
  createAssociationTypeCatalogue,
} from './association-type-catalogue.ts';
import { createRecords, type NewRecord } from './create-records.ts';
import type { InvoiceSourceCatalogue } from './invoice-source-catalogue.ts';
import { type KnownInvoiceLinks, readRecordsByIds } from './read-records.ts';
import { propertiesFor } from './record-properties.ts';
import { type CreateAnswer, recordFromCreate, recordFromUpdate, withSent } from './records-from-answers.ts';
import { writeInvoiceLines, writeReferences } from './write-links.ts';

export interface HubSpotSideWriterOptions {
  readonly client: HubSpotClient;
  readonly now: () => number;
  /** As the reader's: the written invoices are read back with their custom-mapped properties. */
  readonly customInvoiceProperties?: readonly CustomInvoiceProperty[];
  /** As the reader's: written invoices read back with their source classified the same way. */
  readonly invoiceSources?: InvoiceSourceCatalogue;
  /** The portal's association type ids (creates carry their associations); read per writer without it. */
  readonly associationTypes?: AssociationTypeCatalogue;
}

type Slot = {
  index: number;
  command: WriteCommand;
  id?: string;
  error?: SyncError;
  /** The create made the record: it has no associations to replace, so none are read before writing. */
  fresh?: boolean;
  /** The record as HubSpot answered its last write (over the properties sent), and lines written. */
  answer?: CreateAnswer;
};

const stale = (id: string, expected: string, actual: string): SyncError => ({
  code: 'stale_version',
  message: `HubSpot record ${id} changed since it was read (expected ${expected}, found ${actual}).`,
  retryable: true,
});

/**
 * Writes commands object by object: creates keyed on `ledgersync_qbo_id` with their associations
 * inline (a replay finds the record the first attempt made, see createRecords), updates after an
 * optimistic version check (HubSpot has no conditional update, so `updatedAt` is compared just
 * before writing), then line items and associations. A created record is taken from the write
 * answers (R-EDT-3: it is the merge base the echo of this write is compared with); updated ones,
 * whose unwritten properties and links the answers do not carry, are read back in one batch.
 */
export function createHubSpotSideWriter(options: HubSpotSideWriterOptions): SideWriter {
  const { client } = options;
  const custom = options.customInvoiceProperties ?? [];
  const catalogue = options.associationTypes ?? createAssociationTypeCatalogue(client);

  async function step(slots: Slot[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof HubSpotCallError)) throw error;
      for (const s of slots) if (!s.error) s.error = toSyncError(error.failure);
    }
  }

  async function writeObject<O extends SyncObject>(
    object: O,
    slots: Slot[],
    known: Map<string, KnownInvoiceLinks>,
  ): Promise<void> {
    const type = OBJECT_TYPE_FOR[object];
    const stamp = (status: string): Properties => ({
      [SYNC_STATUS_PROPERTY]: status,
      [LAST_SYNCED_AT_PROPERTY]: String(options.now()),
    });
    const creates = slots.filter((s) => s.command.kind === 'create');
    await step(creates, async () => {
      const records = creates.map((s) => {
        const c = s.command as Extract<WriteCommand<O>, { kind: 'create' }>;
        return {
          key: c.counterpartId,
          properties: { ...createProperties(object, c.record, custom), ...stamp('synced') },
          links: linksOf(object, c.record),
        };
      });
      const results = await createRecords(client, catalogue, type, records);
      results.forEach((r, i) => {
        const slot = creates[i];
        if (!slot) return;
        if (r.ok) {
          slot.id = r.value.id;
          slot.fresh = r.fresh === true;
          slot.answer = { object: withSent(r.value, records[i]?.properties ?? {}) };
        } else slot.error = toSyncError(r.failure);
      });
    });

    const changes = slots.filter((s) => s.command.kind !== 'create');
    await step(changes, async () => {
      const versioned = changes.filter((s) => s.command.kind === 'update' || s.command.kind === 'void');
      const ids = versioned.map((s) => (s.command as { id: string }).id);
      const { found } = ids.length > 0 ? await batchReadObjects(client, type, ids, []) : { found: [] };
      const current = new Map(found.map((o) => [o.id, o.updatedAt]));
      for (const s of versioned) {
        const c = s.command as { id: string; expectedVersion: string };
        const actual = current.get(c.id);
        if (actual === undefined)
          s.error = {
            code: 'invalid_field_value',
            message: `HubSpot record ${c.id} no longer exists.`,
            retryable: false,
          };
        else if (Date.parse(actual) !== Date.parse(c.expectedVersion))
          s.error = stale(c.id, c.expectedVersion, actual);
      }
      const ready = changes.filter((s) => !s.error);
      // An invoice's new lines go before its header, so the header's answer carries the amounts
      // and the version the lines gave it.
      const relined =
        object === 'invoice'
          ? await writeInvoiceLines(
              client,
              catalogue,
              ready.flatMap((s) => {
                const c = s.command as WriteCommand<'invoice'>;
                if (c.kind !== 'update' || !c.changes.lines) return [];
                return [
                  { id: c.id, lines: c.changes.lines, currency: c.changes.currency ?? c.record.currency },
                ];
              }),
            )
          : new Map<string, HubSpotObject[]>();
      const inputs = ready.map((s) => {
        const c = s.command;
        if (c.kind === 'update')
          return {
            id: c.id,
            properties: {
              ...propertiesFor(object, c.changes as Partial<RecordOf<O>>, custom),
              ...stamp('synced'),
            },
          };
        if (c.kind === 'void')
          return { id: c.id, properties: { hs_invoice_status: 'voided', ...stamp('synced') } };
        return { id: (c as { id: string }).id, properties: stamp('counterpart_deleted') };
      });
      const results = await batchUpdateObjects(client, type, inputs);
      results.forEach((r, i) => {
        const slot = ready[i];
        if (!slot) return;
        if (!r.ok) {
          slot.error = toSyncError(r.failure);
          return;
        }
        slot.id = r.value.id;
        const c = slot.command;
        if (c.kind !== 'update') return;
        // The whole record as planned, under what HubSpot answered: the properties it did not echo.
        const planned = propertiesFor(object, c.record as RecordOf<O>, custom);
        const lines = relined.get(c.id);
        slot.answer = {
          object: withSent(r.value, { ...planned, ...(inputs[i]?.properties ?? {}) }),
          ...(lines ? { lines } : {}),
        };
      });
    });

    const written = slots.filter((s) => s.id !== undefined && !s.error);
    const fresh = new Set(written.filter((s) => s.fresh).map((s) => s.id ?? ''));
    const knownContact = (id: string) => {
      const c = written.find((s) => s.id === id)?.command;
      return c?.kind === 'create' ? ((c.record as RecordOf<'invoice'>).customerId ?? null) : null;
    };
    await step(written, async () => {
      const withRecords = written.flatMap((s) => {
        const c = s.command;
        if (c.kind === 'create')
          return [{ id: s.id ?? '', record: c.record as unknown as Partial<RecordOf<O>> }];
        if (c.kind === 'update')
          return [{ id: s.id ?? '', record: c.changes as unknown as Partial<RecordOf<O>> }];
        return [];
      });
      if (object === 'invoice') {
        // An update's lines were written before its header.
        const created = withRecords.filter(
          ({ id }) => written.find((s) => s.id === id)?.command.kind === 'create',
        );
        const lined = created.flatMap(({ id, record }) => {
          const inv = record as Partial<RecordOf<'invoice'>>;
          const full = written.find((s) => s.id === id)?.command as
            | { record?: RecordOf<'invoice'> }
            | undefined;
          return inv.lines
            ? [
                {
                  id,
                  lines: inv.lines,
                  currency: inv.currency ?? full?.record?.currency ?? 'USD',
                  fresh: fresh.has(id),
                },
              ]
            : [];
        });
        for (const [id, lines] of await writeInvoiceLines(client, catalogue, lined)) {
          const slot = written.find((s) => s.id === id);
          if (slot?.answer) slot.answer = { ...slot.answer, lines };
          if (fresh.has(id)) known.set(id, { lineIds: lines.map((l) => l.id), contactId: knownContact(id) });
        }
      }
      // A create's links were made with it; an update's references may have changed.
      const updated = withRecords.filter(
        ({ id }) => written.find((s) => s.id === id)?.command.kind === 'update',
      );
      await writeReferences(client, object, updated, fresh);
      // An invoice leaves draft only once its contact and lines are attached.
      const opened = written.flatMap((s) => {
        const c = s.command;
        if (object !== 'invoice' || c.kind !== 'create') return [];
        const status = (c.record as RecordOf<'invoice'>).status;
        return status === 'draft'
          ? []
          : [{ slot: s, id: s.id ?? '', properties: propertiesFor('invoice', { status }) }];
      });
      const answers = await batchUpdateObjects(client, 'invoices', opened);
      answers.forEach((r, i) => {
        if (!r.ok) throw new HubSpotCallError(r.failure);
        const slot = opened[i]?.slot;
        if (slot?.answer)
          slot.answer = {
            ...slot.answer,
            object: { ...r.value, properties: { ...slot.answer.object.properties, ...r.value.properties } },
          };
      });
    });
  }

  return {
    side: 'hubspot',
    async writeBatch(commands) {
      const slots: Slot[] = commands.map((command, index) => ({ index, command }));
      const objects = [...new Set(commands.map((c) => c.object))];
      // Line items and contact of invoices this batch created: the read-back need not ask for them.
      const known = new Map<string, KnownInvoiceLinks>();
      for (const object of objects)
        await writeObject(
          object,
          slots.filter((s) => s.command.object === object),
          known,
        );
      const reread = new Map<string, { version: string; record: unknown }>();
      // A payment written after an invoice changes the invoice (amounts, status): read it back.
      const paid = new Set(
        commands.flatMap((c) =>
          c.object === 'payment' && (c.kind === 'create' || c.kind === 'update')
            ? (c.record as RecordOf<'payment'>).appliedTo.map((a) => a.invoiceId)
            : [],
        ),
      );
      for (const s of slots) {
        const c = s.command;
        // A replayed create may hold what the first attempt linked, a draft what its lines changed:
        // those are read back, as are void and mark commands (nothing planned says the whole record).
        if (!s.answer || !s.id || s.error) continue;
        if (c.kind === 'create' && !s.fresh) continue;
        if (c.object === 'invoice' && paid.has(s.id)) continue;
        if (
          c.kind === 'create' &&
          c.object === 'invoice' &&
          (c.record as RecordOf<'invoice'>).status === 'draft'
        )
          continue;
        const sources = options.invoiceSources ?? null;
        const r =
          c.kind === 'create'
            ? await recordFromCreate(c, s.answer, custom, sources)
            : c.kind === 'update'
              ? await recordFromUpdate(c, s.answer, custom, sources)
              : null;
        if (r) reread.set(`${c.object}:${r.id}`, { version: r.version, record: r.record });
      }
      for (const object of objects) {
        const ok = slots.filter(
          (s) => s.command.object === object && s.id && !s.error && !reread.has(`${object}:${s.id}`),
        );
        if (ok.length === 0) continue;
        await step(ok, async () => {
          const { records } = await readRecordsByIds(
            client,
            object,
            ok.map((s) => s.id ?? ''),
            custom,
            known,
            options.invoiceSources ?? null,
          );
          for (const r of records) reread.set(`${object}:${r.id}`, { version: r.version, record: r.record });
        });
      }
      return slots.map((s): WriteResult => {
        const key = s.command.idempotencyKey;
        const found = s.id ? reread.get(`${s.command.object}:${s.id}`) : undefined;
        if (s.error || !s.id || !found) {
          return {
            ok: false,
            idempotencyKey: key,
            error: s.error ?? {
              code: 'unexpected_remote_error',
              message: 'HubSpot did not return the written record.',
              retryable: true,
            },
          };
        }
        return {
          ok: true,
          idempotencyKey: key,
          id: s.id,
          version: found.version,
          record: found.record as RecordOf<SyncObject>,
        };
      });
    },
  };
}

/** The records a new record is associated with, made in its create call. */
function linksOf<O extends SyncObject>(object: O, record: RecordOf<O>): NewRecord['links'] {
  if (object === 'invoice') {
    const customerId = (record as RecordOf<'invoice'>).customerId;
    return customerId ? [{ toType: 'contacts', toId: customerId }] : [];
  }
  if (object === 'payment') {
    const p = record as RecordOf<'payment'>;
    const invoices = [...new Set(p.appliedTo.map((a) => a.invoiceId))];
    return [
      ...invoices.map((toId) => ({ toType: 'invoices' as const, toId })),
      ...(p.customerId ? [{ toType: 'contacts' as const, toId: p.customerId }] : []),
    ];
  }
  return [];
}

/** A create has nothing to clear: blank values are left out rather than sent as "". */
function withoutBlanks(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== ''));
}

function createProperties<O extends SyncObject>(
  object: O,
  record: RecordOf<O>,
  custom: readonly CustomInvoiceProperty[],
): Properties {
  const properties = withoutBlanks(propertiesFor(object, record, custom));
  if (object === 'invoice') delete properties.hs_invoice_status;
  return properties;
}
