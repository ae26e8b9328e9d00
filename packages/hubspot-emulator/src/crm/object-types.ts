import { notFound } from '../http/hubspot-error.ts';

export interface ObjectType {
  /** Path name, e.g. `line_items`. */
  name: string;
  /** Object type id, e.g. `0-8`. */
  id: string;
  /** Singular used in association type names (`invoice_to_contact`). */
  singular: string;
  /** Key HubSpot uses for this type in a v3 read's `associations` map. */
  associationKey: string;
  /** Middle part of `crm.objects.<x>.read`. */
  scopeName: string;
  /** Legacy scope that also grants access (commerce objects accept `e-commerce`). */
  legacyScope?: string;
  createdProperty: string;
  modifiedProperties: string[];
  /** Properties returned when the caller names none. */
  defaultProperties: string[];
}

const t = (o: ObjectType): ObjectType => o;

export const OBJECT_TYPES: readonly ObjectType[] = [
  t({
    name: 'contacts',
    id: '0-1',
    singular: 'contact',
    associationKey: 'contacts',
    scopeName: 'contacts',
    createdProperty: 'createdate',
    modifiedProperties: ['lastmodifieddate', 'hs_lastmodifieddate'],
    defaultProperties: ['firstname', 'lastname', 'email'],
  }),
  t({
    name: 'companies',
    id: '0-2',
    singular: 'company',
    associationKey: 'companies',
    scopeName: 'companies',
    createdProperty: 'createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: ['name', 'domain'],
  }),
  t({
    name: 'deals',
    id: '0-3',
    singular: 'deal',
    associationKey: 'deals',
    scopeName: 'deals',
    createdProperty: 'createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate'],
  }),
  t({
    name: 'products',
    id: '0-7',
    singular: 'product',
    associationKey: 'products',
    scopeName: 'products',
    legacyScope: 'e-commerce',
    createdProperty: 'hs_createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: ['name', 'description', 'price'],
  }),
  t({
    name: 'line_items',
    id: '0-8',
    singular: 'line_item',
    // HubSpot's v3 read keys line items as "line items" (with a space).
    associationKey: 'line items',
    scopeName: 'line_items',
    legacyScope: 'e-commerce',
    createdProperty: 'hs_createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: ['name', 'quantity', 'price', 'amount'],
  }),
  t({
    name: 'invoices',
    id: '0-53',
    singular: 'invoice',
    associationKey: 'invoices',
    scopeName: 'invoices',
    createdProperty: 'hs_createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: [
      'hs_currency',
      'hs_invoice_status',
      'hs_number',
      'hs_amount_billed',
      'hs_balance_due',
    ],
  }),
  t({
    name: 'commerce_payments',
    id: '0-101',
    singular: 'commerce_payment',
    associationKey: 'commerce_payments',
    scopeName: 'commercepayments',
    createdProperty: 'hs_createdate',
    modifiedProperties: ['hs_lastmodifieddate'],
    defaultProperties: ['hs_initial_amount', 'hs_initiated_date', 'hs_latest_status', 'hs_currency_code'],
  }),
];

/** Accepts the path name, the singular or the `0-x` id, as HubSpot does. */
export function findObjectType(segment: string): ObjectType | undefined {
  const s = segment.toLowerCase();
  return OBJECT_TYPES.find((o) => o.name === s || o.id === s || o.singular === s);
}

export function resolveObjectType(segment: string): ObjectType {
  const type = findObjectType(segment);
  if (!type) throw notFound(`Unable to infer object type from: ${segment}`);
  return type;
}

export const objectTypeById = (id: string): ObjectType => {
  const type = OBJECT_TYPES.find((o) => o.id === id);
  if (!type) throw new Error(`unknown object type id ${id}`);
  return type;
};
