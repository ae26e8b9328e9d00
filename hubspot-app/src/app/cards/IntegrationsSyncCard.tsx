import { hubspot } from '@hubspot/ui-extensions';
import { InvoiceSyncCard } from './invoice-sync/InvoiceSyncCard.tsx';

// Entry point named in integrations-sync-card-hsmeta.json; the card itself lives beside it.
hubspot.extend<'crm.record.tab'>(() => <InvoiceSyncCard />);
