import { DateInput, Flex, Heading, LoadingButton, ProgressBar, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { Backfill } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { getBackfill, startBackfill } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { isoDay } from '@ledgersync/hubspot-ui-shared/iso-day.ts';
import { useEffect, useState } from 'react';
import { ExportDownload } from './ExportDownload.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const BACKFILL_POLL_MS = 1000;

/** R-FLT-4: historical invoices are not synced by default; export them, or backfill a date range. */
export function BackfillSection({ client }: { client: BackendClient }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [backfill, setBackfill] = useState<Backfill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = backfill?.status === 'pending' || backfill?.status === 'running';

  useEffect(() => {
    if (!backfill || !(backfill.status === 'pending' || backfill.status === 'running')) return;
    const timer = setTimeout(async () => {
      const result = await getBackfill(client, backfill.id);
      if (result.ok) setBackfill(result.data);
      else setError(describeBackendError(result.error));
    }, BACKFILL_POLL_MS);
    return () => clearTimeout(timer);
  }, [backfill, client]);

  const start = async () => {
    setBusy(true);
    const result = await startBackfill(client, { from: `${from}T00:00:00Z`, to: `${to}T23:59:59Z` });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setBackfill(result.data);
    } else {
      setError(describeBackendError(result.error));
    }
  };

  return (
    <Flex direction="column" gap="sm">
      <Heading>Invoices from before sync started</Heading>
      <Text>
        Invoices created before invoice sync was turned on aren’t synced. Export them for QuickBooks import,
        or sync a date range now.
      </Text>
      <ExportDownload client={client} />
      <Flex gap="sm">
        <DateInput label="From" name="backfill-from" onChange={(d) => setFrom(isoDay(d))} />
        <DateInput label="To" name="backfill-to" onChange={(d) => setTo(isoDay(d))} />
      </Flex>
      <LoadingButton
        variant="primary"
        loading={busy}
        disabled={running || !DAY.test(from) || !DAY.test(to)}
        onClick={() => start()}
      >
        Start backfill
      </LoadingButton>
      {backfill ? (
        <ProgressBar
          title={backfillTitle(backfill)}
          value={backfill.percent}
          maxValue={100}
          showPercentage
          valueDescription={`${backfill.done} of ${backfill.total} invoices${backfill.failed > 0 ? `, ${backfill.failed} failed` : ''}`}
          variant={backfill.status === 'failed' ? 'danger' : backfill.failed > 0 ? 'warning' : 'success'}
        />
      ) : null}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}

function backfillTitle(b: Backfill): string {
  switch (b.status) {
    case 'pending':
    case 'running':
      return 'Backfill in progress';
    case 'done':
      return 'Backfill finished';
    case 'failed':
      return 'Backfill stopped';
    case 'cancelled':
      return 'Backfill cancelled';
  }
}
