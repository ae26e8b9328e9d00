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
import { estimateSentence, runDescription, runTitle } from './first-sync-words.ts';

export const FIRST_SYNC_POLL_MS = 1000;

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

  // Each read of a run still going schedules the next one, until every run has ended.
  useEffect(() => {
    if (!runs.some((r) => r.status === 'running')) return;
    const timer = setTimeout(() => void loadRuns(), FIRST_SYNC_POLL_MS);
    return () => clearTimeout(timer);
  }, [runs, loadRuns]);

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
