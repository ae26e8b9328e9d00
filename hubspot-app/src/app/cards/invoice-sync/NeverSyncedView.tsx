import { EmptyState, Text } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';

export function NeverSyncedView({ action }: { action: ReactNode }) {
  return (
    <EmptyState title="Not synced yet" imageName="integrations">
      <Text>This invoice hasn’t been synced with QuickBooks Online.</Text>
      {action}
    </EmptyState>
  );
}
