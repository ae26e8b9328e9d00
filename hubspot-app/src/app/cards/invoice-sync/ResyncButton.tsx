import { LoadingButton } from '@hubspot/ui-extensions';
import { useState } from 'react';

/** Asks the backend to sync this invoice now; `onResync` reports the outcome to the card. */
export function ResyncButton({ onResync }: { onResync: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <LoadingButton
      loading={busy}
      variant="secondary"
      onClick={async () => {
        setBusy(true);
        try {
          await onResync();
        } finally {
          setBusy(false);
        }
      }}
    >
      Resync
    </LoadingButton>
  );
}
