import type {
  FirstSyncEstimate,
  FirstSyncObject,
  FirstSyncRun,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';

// The words of a first sync of existing records (R-CON-7), shared by the configuration and the overview.

type SideName = 'hubspot' | 'quickbooks';

/** The records of an object on each side, as the admin knows them. */
const RECORDS: Readonly<Record<FirstSyncObject, Record<SideName, string>>> = {
  customer: { quickbooks: 'QuickBooks customers', hubspot: 'HubSpot contacts' },
  product: { quickbooks: 'QuickBooks products and services', hubspot: 'HubSpot products' },
};
const otherSide = (side: SideName): SideName => (side === 'hubspot' ? 'quickbooks' : 'hubspot');
const count = (n: number) => n.toLocaleString('en-US');

/** "About 1,240 QuickBooks customers will be created as HubSpot contacts; 310 match existing contacts." */
export function estimateSentence(object: FirstSyncObject, e: FirstSyncEstimate): string {
  const source = RECORDS[object][e.sourceSide];
  const target = RECORDS[object][otherSide(e.sourceSide)];
  const existing = target.replace(/^(HubSpot|QuickBooks) /, '');
  return `About ${count(e.creates)} ${source} will be created as ${target}; ${count(e.matches)} match existing ${existing}.`;
}

export function runTitle(object: FirstSyncObject, run: FirstSyncRun): string {
  const records = RECORDS[object][run.sourceSide];
  switch (run.status) {
    case 'running':
      return `Syncing existing ${records}`;
    case 'done':
      return `Existing ${records} synced`;
    case 'cancelled':
      return `Sync of existing ${records} cancelled`;
    case 'failed':
      return `Sync of existing ${records} stopped`;
  }
}

export function runDescription(run: FirstSyncRun): string {
  // A run's total is counted by its first page: until then "0 of 0" would read as nothing to sync.
  if (run.status === 'running' && run.total === 0 && run.done + run.failed === 0)
    return 'Counting the records…';
  const created = run.done - run.linked - run.excluded;
  const excluded = run.excluded > 0 ? `, ${count(run.excluded)} left out` : '';
  const failed = run.failed > 0 ? `, ${count(run.failed)} failed` : '';
  return `${count(run.done + run.failed)} of ${count(run.total)}: ${count(created)} created, ${count(run.linked)} matched${excluded}${failed}`;
}
