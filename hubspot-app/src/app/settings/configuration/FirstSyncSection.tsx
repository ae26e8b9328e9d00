import { Button, Flex, Heading, LoadingButton, ProgressBar, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import {
  cancelFirstSync,
  getFirstSyncEstimate,
  getFirstSyncs,
  startFirstSync,
} from '@ledgersync/hubspot-ui-shared/api/first-sync-api.ts';
import type {
  Direction,
  FirstSyncEstimate,
  FirstSyncObject,
  FirstSyncRun,
} from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { useCallback, useEffect, useState } from 'react';

export const FIRST_SYNC_POLL_MS = 1000;

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

function runTitle(object: FirstSyncObject, run: FirstSyncRun): string {
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

function runDescription(run: FirstSyncRun): string {
  const created = run.done - run.linked;
  const failed = run.failed > 0 ? `, ${count(run.failed)} failed` : '';
  return `${count(run.done + run.failed)} of ${count(run.total)}: ${count(created)} created, ${count(run.linked)} matched${failed}`;
}

export interface FirstSyncSectionProps {
  client: BackendClient;
  object: FirstSyncObject;
  enabled: boolean;
  direction: Direction;
}

/**
 * R-CON-7: before a contact or product rule is on, how many records turning it on will create and
 * link; while a first sync runs, its progress with a cancel; after, its result and "Sync existing
 * records" to run it again.
 */
export function FirstSyncSection({ client, object, enabled, direction }: FirstSyncSectionProps) {
  const [estimates, setEstimates] = useState<FirstSyncEstimate[] | null>(null);
  const [runs, setRuns] = useState<FirstSyncRun[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = runs.some((r) => r.status === 'running');

  const loadRuns = useCallback(async () => {
    const result = await getFirstSyncs(client);
    if (!result.ok) return setError(describeBackendError(result.error));
    // The latest run from each side of this object.
    const latest = new Map<string, FirstSyncRun>();
    for (const run of result.data.runs)
      if (run.object === object && !latest.has(run.sourceSide)) latest.set(run.sourceSide, run);
    setRuns([...latest.values()]);
  }, [client, object]);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  useEffect(() => {
    if (enabled) return;
    let live = true;
    void getFirstSyncEstimate(client, object, direction === 'off' ? 'two_way' : direction).then((result) => {
      if (!live) return;
      if (result.ok) setEstimates(result.data.estimates);
      else setError(describeBackendError(result.error));
    });
    return () => {
      live = false;
    };
  }, [client, object, enabled, direction]);

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void loadRuns(), FIRST_SYNC_POLL_MS);
    return () => clearTimeout(timer);
  }, [running, loadRuns]);

  const syncAgain = async () => {
    setBusy(true);
    const result = await startFirstSync(client, object);
    setBusy(false);
    if (!result.ok) return setError(describeBackendError(result.error));
    setError(null);
    setRuns(result.data.runs);
  };
  const cancel = async (id: string) => {
    const result = await cancelFirstSync(client, id);
    if (!result.ok) return setError(describeBackendError(result.error));
    setRuns((all) => all.map((r) => (r.id === id ? result.data : r)));
  };

  return (
    <Flex direction="column" gap="sm">
      <Heading>Existing records</Heading>
      {!enabled && estimates
        ? estimates.map((e) => <Text key={e.sourceSide}>{estimateSentence(object, e)}</Text>)
        : null}
      {runs.map((run) => (
        <Flex key={run.id} direction="column" gap="xs">
          <ProgressBar
            title={runTitle(object, run)}
            value={run.percent}
            maxValue={100}
            showPercentage
            valueDescription={runDescription(run)}
            variant={run.status === 'failed' ? 'danger' : run.failed > 0 ? 'warning' : 'success'}
          />
          {run.status === 'running' ? (
            <Button variant="secondary" onClick={() => cancel(run.id)}>
              Cancel
            </Button>
          ) : null}
        </Flex>
      ))}
      {enabled && !running ? (
        <LoadingButton variant="secondary" loading={busy} onClick={() => syncAgain()}>
          Sync existing records
        </LoadingButton>
      ) : null}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
