import { Alert, Text } from '@hubspot/ui-extensions';

/**
 * HubSpot refused LedgerSync's stored access (the app was uninstalled, or its access revoked), so
 * syncs wait. Only installing the app again restores it; HubSpot's own signed requests still reach
 * us, which is why this page can say so at all.
 */
export function ReinstallNotice() {
  return (
    <Alert title="Install LedgerSync again" variant="warning">
      <Text>
        HubSpot no longer accepts LedgerSync’s access to this account, so sync is paused. No change is lost:
        install LedgerSync again from the HubSpot Marketplace and syncing resumes where it stopped.
      </Text>
    </Alert>
  );
}
