import { Button, ButtonRow, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import {
  type BackendClient,
  describeBackendError,
} from '@ledgersync/hubspot-ui-shared/api/backend-client.ts';
import type { ExportLink } from '@ledgersync/hubspot-ui-shared/api/generated/api-contract.ts';
import { createExportLink } from '@ledgersync/hubspot-ui-shared/api/overview-api.ts';
import { useState } from 'react';

/**
 * R-FLT-4: the historical export. The page cannot download through `hubspot.fetch`, so it asks
 * the backend for a link that works for a few minutes and opens that in a new tab.
 */
export function ExportDownload({ client }: { client: BackendClient }) {
  const [link, setLink] = useState<ExportLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const prepare = async () => {
    setBusy(true);
    const result = await createExportLink(client);
    setBusy(false);
    if (!result.ok) return setError(describeBackendError(result.error));
    setError(null);
    setLink(result.data);
  };

  return (
    <Flex direction="column" gap="xs">
      <ButtonRow>
        <LoadingButton variant="secondary" loading={busy} onClick={() => prepare()}>
          {link ? 'Prepare a new export' : 'Export for QuickBooks'}
        </LoadingButton>
        {link ? (
          <Button variant="primary" href={{ url: link.url, external: true }}>
            Download CSV
          </Button>
        ) : null}
      </ButtonRow>
      {link ? <Text variant="microcopy">The download link works for 5 minutes.</Text> : null}
      {error ? <Text variant="microcopy">{error}</Text> : null}
    </Flex>
  );
}
