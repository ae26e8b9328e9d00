import type { ActivityAction, ActivityEntry, Direction } from './api/generated/api-contract.ts';
import { formatMoney } from './format-money.ts';
import { OBJECT_SINGULAR } from './labels.ts';
import type { LocaleFormat } from './locale-format.ts';

const APP = { hubspot: 'HubSpot', quickbooks: 'QuickBooks' } as const;

/** Where a change came from and where it went; an entry's direction names both. */
function apps(direction: Direction): { from: string; to: string } {
  return direction === 'quickbooks_to_hubspot'
    ? { from: APP.quickbooks, to: APP.hubspot }
    : direction === 'hubspot_to_quickbooks'
      ? { from: APP.hubspot, to: APP.quickbooks }
      : { from: 'one app', to: 'the other' };
}

interface SentenceParts {
  /** "Invoice", "Contact", "Payment of $250.00". */
  readonly record: string;
  readonly from: string;
  readonly to: string;
  readonly fields: string;
  readonly entry: ActivityEntry;
}

const withFields = (sentence: string, fields: string) => (fields ? `${sentence}: ${fields}` : sentence);

/** One sentence per action, for a sales user (R-VIS-5, R-VIS-6). */
const SENTENCE: Readonly<Record<ActivityAction, (p: SentenceParts) => string>> = {
  created: (p) =>
    p.entry.object === 'payment'
      ? `${p.record} recorded in ${p.from}, synced to ${p.to}`
      : `${p.record} created in ${p.to} from ${p.from}`,
  updated: (p) => withFields(`${p.record} updated in ${p.to} with changes from ${p.from}`, p.fields),
  voided: (p) => `${p.record} voided in ${p.to}, as it was in ${p.from}`,
  linked: (p) => `${p.record} matched with the same record in ${p.to}; nothing was created`,
  merged: (p) => `${p.record} merged into another in ${p.from}; the sync follows the one that was kept`,
  skipped: (p) => `${p.record} already up to date in ${p.to}`,
  excluded: (p) => `${p.record} not synced to ${p.to}. ${p.entry.exclusion ?? 'It is left out on purpose.'}`,
  failed: (p) => `${p.record} couldn't sync to ${p.to}: ${p.entry.error?.title ?? 'an error'}`,
  conflict_resolved: (p) =>
    withFields(
      `Changed in both ${APP.hubspot} and ${APP.quickbooks}; the ${p.from} value was kept`,
      p.fields,
    ),
  counterpart_deleted: (p) => `Deleted in ${p.from}; LedgerSync deleted nothing in ${p.to}`,
  unknown: (p) => `${p.record} synced between ${APP.hubspot} and ${APP.quickbooks}`,
};

/** What one activity entry says happened, in a sales user's words. */
export function describeActivity(entry: ActivityEntry, format: LocaleFormat): string {
  const noun = OBJECT_SINGULAR[entry.object];
  const record = entry.amount ? `${noun} of ${formatMoney(entry.amount, format)}` : noun;
  return SENTENCE[entry.action]({
    record,
    ...apps(entry.direction),
    fields: entry.changedFields.join(', '),
    entry,
  });
}
