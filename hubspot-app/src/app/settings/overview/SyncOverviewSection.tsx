import { Flex, Heading, LoadingSpinner } from '@hubspot/ui-extensions';
import type { BackendClient } from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import { getOverview } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { BackendErrorView } from '@ledgersync/hubspot-ui-shared/views/BackendErrorView.tsx';
import { FirstSyncResults } from './FirstSyncResults.tsx';
import { ObjectCountsTable } from './ObjectCountsTable.tsx';
import { RecordView } from './RecordView.tsx';
import { UnknownInvoiceSourcesAlert } from './UnknownInvoiceSourcesAlert.tsx';

/** R-VIS-2 (per object) and R-VIS-3 (per record). */
export function SyncOverviewSection({ client }: { client: BackendClient }) {
  const { state, reload } = useLoad('overview', () => getOverview(client));
  return (
    <Flex direction="column" gap="sm">
      <Heading>Sync overview</Heading>
      {state.status === 'loading' ? <LoadingSpinner label="Loading overview" /> : null}
      {state.status === 'failed' ? <BackendErrorView error={state.error} onRetry={reload} /> : null}
      {state.status === 'loaded' ? (
        <UnknownInvoiceSourcesAlert unknown={state.data.unknownInvoiceSources} />
      ) : null}
      {state.status === 'loaded' ? <ObjectCountsTable client={client} overview={state.data} /> : null}
      <FirstSyncResults client={client} />
      <RecordView client={client} errors={state.status === 'loaded' ? state.data.errors : []} />
    </Flex>
  );
}
