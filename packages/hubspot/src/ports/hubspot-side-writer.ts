import type {
  RecordOf,
  SideWriter,
  SyncError,
  SyncObject,
  WriteCommand,
  WriteResult,
} from '@ledgersync/sync-engine';
import { batchReadObjects, batchUpdateObjects, batchUpsertObjects } from '../crm/batch-objects.ts';
import type { Properties } from '../crm/hubspot-object.ts';
import {
  LAST_SYNCED_AT_PROPERTY,
  OBJECT_TYPE_FOR,
  QBO_ID_PROPERTY,
  SYNC_STATUS_PROPERTY,
} from '../crm/object-types.ts';
import type { HubSpotClient } from '../http/create-hubspot-client.ts';
import { HubSpotCallError, toSyncError } from '../http/hubspot-failure.ts';
import type { CustomInvoiceProperty } from '../mapping/invoice-custom-properties.ts';
import type { InvoiceSourceCatalogue } from './invoice-source-catalogue.ts';
import { type KnownInvoiceLinks, readRecordsByIds } from './read-records.ts';
import { propertiesFor } from './record-properties.ts';
import { writeInvoiceLines, writeReferences } from './write-links.ts';

export interface HubSpotSideWriterOptions {
  readonly client: HubSpotClient;
  readonly now: () => number;
  /** As the reader's: the written invoices are read back with their custom-mapped properties. */
  readonly customInvoiceProperties?: readonly CustomInvoiceProperty[];
  /** As the reader's: written invoices read back with their source classified the same way. */
  readonly invoiceSources?: InvoiceSourceCatalogue;
}

type Slot = {
  index: number;
  command: WriteCommand;
  id?: string;
  error?: SyncError;
  /** The upsert created the record: it has no associations yet, so none are read before writing. */
  fresh?: boolean;
};

const stale = (id: string, expected: string, actual: string): SyncError => ({
  code: 'stale_version',
  message: `HubSpot record ${id} changed since it was read (expected ${expected}, found ${actual}).`,
  retryable: true,
});

/**
 * Writes commands object by object: creates as upserts on `ledgersync_qbo_id` (a replay finds the
 * record the first attempt made), updates after an optimistic version check (HubSpot has no
 * conditional update, so `updatedAt` is compared just before writing), then line items and
 * associations, then one batch re-read so every result carries the record as HubSpot holds it.
 */
export function createHubSpotSideWriter(options: HubSpotSideWriterOptions): SideWriter {
  const { client } = options;
  const custom = options.customInvoiceProperties ?? [];

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
      const inputs = creates.map((s) => {
        const c = s.command as Extract<WriteCommand<O>, { kind: 'create' }>;
        return {
          key: c.counterpartId,
          properties: { ...createProperties(object, c.record, custom), ...stamp('synced') },
        };
      });
      const results = await batchUpsertObjects(client, type, QBO_ID_PROPERTY, inputs);
      results.forEach((r, i) => {
        const slot = creates[i];
        if (!slot) return;
        if (r.ok) {
          slot.id = r.value.id;
          slot.fresh = (r.value.new ?? r.value._new) === true;
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
        if (r.ok) slot.id = r.value.id;
        else slot.error = toSyncError(r.failure);
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
        const lined = withRecords.flatMap(({ id, record }) => {
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
        for (const [id, lineIds] of await writeInvoiceLines(client, lined)) {
          if (fresh.has(id)) known.set(id, { lineIds, contactId: knownContact(id) });
        }
      }
      await writeReferences(client, object, withRecords, fresh);
      // An invoice leaves draft only once its contact and lines are attached.
      const opened = written.flatMap((s) => {
        const c = s.command;
        if (object !== 'invoice' || c.kind !== 'create') return [];
        const status = (c.record as RecordOf<'invoice'>).status;
        return status === 'draft'
          ? []
          : [{ id: s.id ?? '', properties: propertiesFor('invoice', { status }) }];
      });
      for (const r of await batchUpdateObjects(client, 'invoices', opened)) {
        if (!r.ok) throw new HubSpotCallError(r.failure);
      }
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
      for (const object of objects) {
        const ok = slots.filter((s) => s.command.object === object && s.id && !s.error);
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
