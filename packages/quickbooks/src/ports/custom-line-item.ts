import { createHash } from 'node:crypto';
import { type CustomLineItemPort, syncError } from '@ledgersync/sync-engine';
import type { QuickBooksClient } from '../api/qbo-client.ts';
import { isQboError, QboError } from '../errors/qbo-error.ts';
import { toSyncError } from '../errors/to-sync-error.ts';
import { QboQuery } from '../query/query-builder.ts';

export const CUSTOM_LINE_ITEM_NAME = 'Custom Line Item';

/** R-OBJ-1: finds the "Custom Line Item" item, or creates it on the chosen income account. */
export function createCustomLineItemPort(qbo: QuickBooksClient): CustomLineItemPort {
  async function find(): Promise<string | null> {
    const q = QboQuery.select('Item')
      .where('Name', '=', CUSTOM_LINE_ITEM_NAME)
      .whereIn('Active', [true, false]);
    const page = await qbo.queryPage(q, 1, 10);
    return page.entities[0]?.Id ?? null;
  }

  // One lookup per port instance (one drain): the planner and the writer both ask for it.
  const known = new Map<string, string>();
  return {
    async ensureCustomLineItem(incomeAccountId) {
      const cached = known.get(incomeAccountId);
      if (cached) return { ok: true, itemId: cached };
      const result = await ensure(incomeAccountId);
      if (result.ok) known.set(incomeAccountId, result.itemId);
      return result;
    },
  };

  async function ensure(incomeAccountId: string): ReturnType<CustomLineItemPort['ensureCustomLineItem']> {
    if (incomeAccountId === '') {
      return {
        ok: false,
        error: syncError('custom_line_item_account_missing', 'No income account chosen'),
      };
    }
    try {
      const existing = await find();
      if (existing) return { ok: true, itemId: existing };
      const requestId = `lscli${createHash('sha256').update(incomeAccountId).digest('hex').slice(0, 31)}`;
      const body = {
        Name: CUSTOM_LINE_ITEM_NAME,
        Type: 'Service',
        IncomeAccountRef: { value: incomeAccountId },
      };
      try {
        return { ok: true, itemId: (await qbo.create('Item', body, requestId)).Id };
      } catch (error) {
        // Created concurrently by another worker: use theirs.
        if (!isQboError(error, 'DuplicateName')) throw error;
        const raced = await find();
        if (raced) return { ok: true, itemId: raced };
        throw error;
      }
    } catch (error) {
      if (error instanceof QboError) return { ok: false, error: toSyncError(error) };
      throw error;
    }
  }
}
