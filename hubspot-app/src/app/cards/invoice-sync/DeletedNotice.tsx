import { Alert, Text } from '@hubspot/ui-extensions';

/** R-OBJ-7: a deleted counterpart is never deleted by the sync; the link is kept and marked. */
export function DeletedNotice({ side }: { side: 'hubspot' | 'quickbooks' }) {
  const where = side === 'quickbooks' ? 'QuickBooks Online' : 'HubSpot';
  return (
    <Alert title={`Deleted in ${where}`} variant="warning">
      <Text>
        This invoice was deleted in {where}. LedgerSync never deletes accounting records, so nothing was
        deleted on the other side.
      </Text>
    </Alert>
  );
}
