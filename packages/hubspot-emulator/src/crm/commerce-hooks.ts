import { validation } from '../http/hubspot-error.ts';
import type { WriteSource } from './crm-event.ts';
import { checkEditable, checkTransition, finalizeProps } from './invoice-rules.ts';
import { checkPrice, fillFromProduct, lineItemAmount } from './line-item-rules.ts';
import type { Portal, StoredObject } from './portal.ts';

const INVOICE = '0-53';
const LINE_ITEM = '0-8';
const PAYMENT = '0-101';
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Type-specific defaults and checks for a new record; mutates `props`. */
export function prepareCreate(
  portal: Portal,
  typeId: string,
  props: Record<string, string>,
  source: WriteSource,
  now: number,
): void {
  if (typeId === INVOICE) {
    if (!props.hs_currency) throw validation('hs_currency is required to create an invoice.');
    checkTransition(portal, undefined, props.hs_invoice_status ?? 'draft');
    props.hs_invoice_status = 'draft';
    props.hs_invoice_source = source.kind === 'ui' ? 'hubspot' : 'api';
    props.hs_invoice_date ??= day(now);
    props.hs_due_date ??= day(now + 30 * 86_400_000);
    Object.assign(props, {
      hs_amount_billed: '0',
      hs_amount_paid: '0',
      hs_balance_due: '0',
      hs_subtotal: '0',
    });
  } else if (typeId === LINE_ITEM) {
    fillFromProduct(portal, props);
    checkPrice(props);
    props.quantity ??= '1';
    props.hs_line_item_currency_code ??= portal.settings.currency;
    props.amount = lineItemAmount(props);
  } else if (typeId === PAYMENT) {
    const missing = ['hs_initial_amount', 'hs_initiated_date'].filter((p) => !props[p]);
    if (missing.length > 0) throw validation(`Missing required properties: ${missing.join(', ')}`);
    props.hs_latest_status ??= 'succeeded';
    props.hs_currency_code ??= portal.settings.currency;
    props.hs_net_amount = props.hs_initial_amount ?? '0';
  }
}

/** Type-specific checks for an update; returns extra properties the change implies. */
export function prepareUpdate(
  portal: Portal,
  obj: StoredObject,
  props: Record<string, string>,
  now: number,
): Record<string, string> {
  if (obj.typeId === INVOICE) {
    checkEditable(obj);
    const next = props.hs_invoice_status;
    if (next === undefined || next === obj.properties.hs_invoice_status) return {};
    checkTransition(portal, obj, next);
    if (next === 'open') return obj.properties.hs_number ? {} : finalizeProps(portal, now);
    if (next === 'voided') return { hs_voided_date: new Date(now).toISOString(), hs_balance_due: '0' };
    return {};
  }
  if (obj.typeId === LINE_ITEM) {
    checkPrice(props);
    return { amount: lineItemAmount({ ...obj.properties, ...props }) };
  }
  if (obj.typeId === PAYMENT && props.hs_initial_amount !== undefined) {
    return { hs_net_amount: props.hs_initial_amount };
  }
  return {};
}

export function checkArchivable(obj: StoredObject): void {
  const status = obj.properties.hs_invoice_status;
  if (obj.typeId === INVOICE && status !== 'draft' && status !== 'voided') {
    throw validation(`Invoice ${obj.id} is ${status}; only draft or voided invoices can be deleted.`);
  }
}

/** Invoices whose computed amounts depend on this record. */
export function dependentInvoices(portal: Portal, typeId: string, id: string): string[] {
  if (typeId === INVOICE) return [id];
  if (typeId !== LINE_ITEM && typeId !== PAYMENT) return [];
  return portal.associations.list(typeId, id, INVOICE).map((e) => e.toId);
}

/** A line item belongs to one parent (invoice, deal or quote) only. */
export function checkSingleParent(
  portal: Portal,
  lineItemId: string,
  parentTypeId: string,
  parentId: string,
): void {
  for (const parentType of [INVOICE, '0-3', '0-14']) {
    for (const edge of portal.associations.list(LINE_ITEM, lineItemId, parentType)) {
      if (parentType !== parentTypeId || edge.toId !== parentId) {
        throw validation(
          `Line item ${lineItemId} is already associated with ${parentType}:${edge.toId}; a line item can have one parent only.`,
        );
      }
    }
  }
}
