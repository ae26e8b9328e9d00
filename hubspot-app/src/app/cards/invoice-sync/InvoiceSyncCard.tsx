import {
  Divider,
  Flex,
  Heading,
  LoadingSpinner,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { InvoiceCard } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { useBackend } from '@ledgersync/hubspot-ui-shared/api/use-backend.ts';
import { useLoad } from '@ledgersync/hubspot-ui-shared/api/use-load.ts';
import { type LocaleFormat, useLocaleFormat } from '@ledgersync/hubspot-ui-shared/locale-format.ts';
import { ActivityTable } from '@ledgersync/hubspot-ui-shared/views/ActivityTable.tsx';
import { BackendErrorView } from '@ledgersync/hubspot-ui-shared/views/BackendErrorView.tsx';
import { MissingBackendView } from '@ledgersync/hubspot-ui-shared/views/MissingBackendView.tsx';
import { ReinstallNotice } from '@ledgersync/hubspot-ui-shared/views/ReinstallNotice.tsx';
import { DeletedNotice } from './DeletedNotice.tsx';
import { ExclusionDetails } from './ExclusionDetails.tsx';
import { FailureDetails } from './FailureDetails.tsx';
import { getInvoiceCard, resyncInvoice } from './invoice-sync-api.ts';
import { NeverSyncedView } from './NeverSyncedView.tsx';
import { NotConnectedView } from './NotConnectedView.tsx';
import { ResyncButton } from './ResyncButton.tsx';
import { SyncSummary } from './SyncSummary.tsx';

/** R-VIS-1: the "Integrations sync" card on an invoice record. */
export function InvoiceSyncCard() {
  const client = useBackend();
  if (!client) return <MissingBackendView />;
  return <InvoiceSyncCardContent client={client} />;
}

function InvoiceSyncCardContent({ client }: { client: BackendClient }) {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const format = useLocaleFormat();
  const invoiceId = String(context.crm.objectId);
  const { state, reload } = useLoad(invoiceId, (id) => getInvoiceCard(client, id));

  const resync = async () => {
    const result = await resyncInvoice(client, invoiceId);
    if (result.ok) {
      actions.addAlert({ type: 'success', message: 'Resync started.' });
      reload();
    } else {
      actions.addAlert({
        type: 'danger',
        title: 'Resync failed',
        message: describeBackendError(result.error),
      });
    }
  };

  if (state.status === 'loading') return <LoadingSpinner label="Loading sync details" />;
  if (state.status === 'failed') {
    if (state.error.kind === 'not_connected')
      return <NotConnectedView needsReauth={state.error.needsReauth} />;
    return <BackendErrorView error={state.error} onRetry={reload} />;
  }
  return <InvoiceSyncDetails card={state.data} format={format} onResync={resync} />;
}

function InvoiceSyncDetails({
  card,
  format,
  onResync,
}: {
  card: InvoiceCard;
  format: LocaleFormat;
  onResync: () => Promise<void>;
}) {
  if (card.connection !== 'connected') {
    return <NotConnectedView needsReauth={card.connection === 'needs_reauth'} />;
  }
  const resyncButton = <ResyncButton onResync={onResync} />;
  if (card.status === 'not_synced' && card.activity.length === 0)
    return <NeverSyncedView action={resyncButton} />;
  return (
    <Flex direction="column" gap="sm">
      {card.hubspotConnection === 'needs_reauth' ? <ReinstallNotice /> : null}
      <SyncSummary card={card} format={format} />
      {card.deletedOn ? <DeletedNotice side={card.deletedOn} /> : null}
      {card.status === 'failed' && card.error ? <FailureDetails failure={card.error} /> : null}
      {card.status === 'excluded' && card.exclusion ? (
        <ExclusionDetails explanation={card.exclusion.explanation} />
      ) : null}
      <Flex justify="end">{resyncButton}</Flex>
      <Divider />
      <Heading>Activity</Heading>
      <ActivityTable entries={card.activity} format={format} />
    </Flex>
  );
}
