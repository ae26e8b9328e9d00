import { Flex, Text } from '@hubspot/ui-extensions';
import type { BackendClient } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { getFirstSyncs } from '@ledgersync/hubspot-ui-shared/api/first-sync-api.ts';
import type { FirstSyncRun } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { useEffect, useState } from 'react';
import { runDescription, runTitle } from '../configuration/first-sync-words.ts';

/** R-CON-7: the result of the latest first sync of each object and side, once it has ended. */
export function FirstSyncResults({ client }: { client: BackendClient }) {
  const [runs, setRuns] = useState<FirstSyncRun[]>([]);
  useEffect(() => {
    let live = true;
    void getFirstSyncs(client).then((result) => {
      // The overview reads on without them: the configuration says why a first sync cannot be read.
      if (!live || !result.ok) return;
      const latest = new Map<string, FirstSyncRun>();
      for (const run of result.data.runs) {
        const key = `${run.object}|${run.sourceSide}`;
        if (!latest.has(key)) latest.set(key, run);
      }
      setRuns([...latest.values()].filter((r) => r.status !== 'running'));
    });
    return () => {
      live = false;
    };
  }, [client]);
  if (runs.length === 0) return null;
  return (
    <Flex direction="column" gap="xs">
      {runs.map((run) => (
        <Text key={run.id}>{`${runTitle(run.object, run)}: ${runDescription(run)}.`}</Text>
      ))}
    </Flex>
  );
}
