import { EmptyState, Text } from '@hubspot/ui-extensions';

export function NotConnectedView({ needsReauth }: { needsReauth: boolean }) {
  return (
    <EmptyState
      title={needsReauth ? 'Reconnect QuickBooks Online' : 'QuickBooks Online isn’t connected'}
      imageName="integrations"
    >
      <Text>
        {needsReauth
          ? 'LedgerSync lost access to your QuickBooks company. Sync is paused until you reconnect it in the app settings.'
          : 'Connect a QuickBooks company in the LedgerSync app settings to sync this invoice.'}
      </Text>
    </EmptyState>
  );
}
