import type {
  FilterOperator,
  InboundFilter,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

export const OPERATOR_LABEL: Readonly<Record<FilterOperator, string>> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  gt: 'is after',
  gte: 'is on or after',
  lt: 'is before',
  lte: 'is on or before',
  is_known: 'is known',
  is_unknown: 'is unknown',
  in: 'is any of',
  not_in: 'is none of',
};

/** "Invoice: TxnDate is after today", "Customer: PrimaryEmailAddr contains @acme.com". */
export function describeFilter(filter: InboundFilter): string {
  const subject = filter.kind === 'primary' ? 'Invoice' : 'Customer';
  const value = Array.isArray(filter.value) ? filter.value.join(', ') : (filter.value ?? '');
  return `${subject}: ${filter.field} ${OPERATOR_LABEL[filter.operator]} ${value}`.trim();
}
