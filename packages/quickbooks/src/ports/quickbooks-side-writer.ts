import {
  type CustomLineItemPort,
  type SideWriter,
  type SyncError,
  type SyncObject,
  syncError,
  type WriteCommand,
  type WriteResult,
} from '@ledgersync/sync-engine';
import type { BatchItemResult, BatchOperation } from '../api/batch-operations.ts';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import type { EntityOf } from '../entities/registry.ts';
import { QboError } from '../errors/qbo-error.ts';
import { toSyncError } from '../errors/to-sync-error.ts';
import type { InvoiceWriteContext } from '../mapping/invoice-to-qbo.ts';
import { commandToOperation } from './command-to-operation.ts';
import { companyContext } from './company-context.ts';
import { createCustomLineItemPort } from './custom-line-item.ts';
import { ensurePaymentMethods, paymentMethodsNeeded } from './ensure-payment-methods.ts';
import { guard } from './guard.ts';
import { ENTITY_OF, type EntityFor, toSideRecord } from './record-mappers.ts';

export interface QuickBooksWriterOptions {
  /** Income account of the "Custom Line Item" (invoice sync Configure step, R-OBJ-1). */
  readonly customLineItemIncomeAccountId?: string | null;
  /** Shares one Preferences/CompanyInfo read with the reader (see createQuickBooksAdapter). */
  readonly profile?: ReturnType<typeof companyContext>;
  /** Shares the "Custom Line Item" lookup with the planner's port (see createQuickBooksAdapter). */
  readonly customLineItems?: CustomLineItemPort;
}

const DELETED_NOTE = '[LedgerSync] The linked HubSpot record was deleted.';

function needsCustomLineItem(commands: readonly WriteCommand[]): boolean {
  return commands.some(
    (c) =>
      c.object === 'invoice' &&
      (c.kind === 'create' || c.kind === 'update') &&
      (c.record as { lines: { productId: string | null }[] }).lines.some((l) => l.productId === null),
  );
}

/** QBO says "Duplicate Name" for items too; that is a product's own code, naming the product. */
function writeError(command: WriteCommand, error: SyncError): SyncError {
  if (command.object !== 'product' || error.code !== 'duplicate_display_name') return error;
  const name = 'record' in command ? ((command.record as { name?: string }).name ?? '') : '';
  return syncError(
    'duplicate_item_name',
    `Another QuickBooks item is already named "${name}" (item names are unique): ${error.message}`,
    error.details,
  );
}

/** Writes QBO in batches of 30 with the engine's idempotency keys as requestids. */
export function createQuickBooksSideWriter(
  qbo: QuickBooksClient,
  options: QuickBooksWriterOptions = {},
): SideWriter {
  const profile = options.profile ?? companyContext(qbo);
  const customLineItems = options.customLineItems ?? createCustomLineItemPort(qbo);

  async function context(commands: readonly WriteCommand[]): Promise<InvoiceWriteContext | SyncError> {
    const p = await profile();
    if (!p.ok) return p.error;
    let customLineItemId: string | null = null;
    // Without an income account, only the invoices that need the item fail (per command, below).
    if (needsCustomLineItem(commands) && options.customLineItemIncomeAccountId) {
      const ensured = await customLineItems.ensureCustomLineItem(options.customLineItemIncomeAccountId);
      if (!ensured.ok) return ensured.error;
      customLineItemId = ensured.itemId;
    }
    // R-OBJ-4: payment methods are QBO records, found or created once for the whole batch.
    const needed = paymentMethodsNeeded(commands);
    if (needed.length === 0) return { homeCurrency: p.value.homeCurrency, customLineItemId };
    const methods = await guard(() => ensurePaymentMethods(qbo, needed));
    if (!methods.ok) return methods.error;
    return { homeCurrency: p.value.homeCurrency, customLineItemId, paymentMethods: methods.value };
  }

  function success(command: WriteCommand, entity: unknown, currency: string): WriteResult {
    const record = toSideRecord(command.object, entity as EntityOf<EntityFor<SyncObject>>, currency);
    return {
      ok: true,
      idempotencyKey: command.idempotencyKey,
      id: record.id,
      version: record.version,
      record: record.record,
    };
  }
  const failure = (command: WriteCommand, error: SyncError): WriteResult => ({
    ok: false,
    idempotencyKey: command.idempotencyKey,
    error,
  });

  async function markDeleted(command: WriteCommand, ctx: InvoiceWriteContext): Promise<WriteResult> {
    if (command.kind !== 'mark_counterpart_deleted') throw new Error('not a mark command');
    const entity = ENTITY_OF[command.object];
    try {
      const current = await qbo.read(entity, command.id);
      if (entity === 'Item') return success(command, current, ctx.homeCurrency); // no free-text field to mark
      const field = entity === 'Customer' ? 'Notes' : 'PrivateNote';
      const existing = String((current as Record<string, unknown>)[field] ?? '');
      if (existing.includes(DELETED_NOTE)) return success(command, current, ctx.homeCurrency);
      const body = {
        Id: current.Id,
        SyncToken: current.SyncToken,
        [field]: `${existing} ${DELETED_NOTE}`.trim(),
      };
      return success(command, await qbo.sparseUpdate(entity, body, command.idempotencyKey), ctx.homeCurrency);
    } catch (error) {
      if (error instanceof QboError) return failure(command, toSyncError(error));
      throw error;
    }
  }

  /**
   * A lone create or update goes to the entity's own endpoint: the same one call, without spending
   * one of the realm's 40 batches a minute, which steady editing (a write or two per drain) would
   * otherwise exhaust before the 500 calls. Its answer is the batch item's.
   */
  async function writeAlone(op: BatchOperation, key: string): Promise<BatchItemResult | null> {
    if (op.kind !== 'create' && op.kind !== 'update') return null;
    try {
      const entity =
        op.kind === 'create'
          ? await qbo.create(op.entity, op.body, key)
          : op.sparse
            ? await qbo.sparseUpdate(op.entity, op.body, key)
            : await qbo.update(op.entity, op.body, key);
      return { ok: true, entity };
    } catch (error) {
      if (error instanceof QboError) return { ok: false, error };
      throw error;
    }
  }

  return {
    side: 'quickbooks',
    async writeBatch(commands) {
      const ctx = await context(commands);
      if (!('homeCurrency' in ctx)) return commands.map((c) => failure(c, ctx));
      const results: (WriteResult | null)[] = commands.map(() => null);
      const batched: {
        index: number;
        key: string;
        op: Parameters<QuickBooksClient['batch']>[0][number]['op'];
      }[] = [];
      commands.forEach((command, index) => {
        if (command.kind === 'mark_counterpart_deleted') return;
        const planned = commandToOperation(command, ctx);
        if (planned.ok) batched.push({ index, key: command.idempotencyKey, op: planned.op });
        else results[index] = failure(command, planned.error);
      });
      const alone =
        batched.length === 1 && batched[0] ? await writeAlone(batched[0].op, batched[0].key) : null;
      const answers: BatchItemResult[] = alone ? [alone] : batched.length > 0 ? await qbo.batch(batched) : [];
      for (const [i, answer] of answers.entries()) {
        const { index } = batched[i] as (typeof batched)[number];
        const command = commands[index] as WriteCommand;
        // A StaleObject (someone saved the record after our read) is not re-applied here: our
        // command was merged against the old version and would overwrite their edit. It fails as
        // stale_version (transient), so its notice stays pending and the next round re-merges
        // against the fresh QBO record (R-MAP-2, R-EDT-3).
        if (answer.ok) results[index] = success(command, answer.entity, ctx.homeCurrency);
        else results[index] = failure(command, writeError(command, toSyncError(answer.error)));
      }
      for (const [index, command] of commands.entries()) {
        if (command.kind === 'mark_counterpart_deleted') results[index] = await markDeleted(command, ctx);
      }
      return results.map(
        (r, i) =>
          r ?? failure(commands[i] as WriteCommand, syncError('unexpected_remote_error', 'No result')),
      );
    },
  };
}
