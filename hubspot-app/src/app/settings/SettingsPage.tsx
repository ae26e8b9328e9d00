import { hubspot } from '@hubspot/ui-extensions';
import { LedgerSyncSettings } from './LedgerSyncSettings.tsx';

// Entry point named in settings-hsmeta.json.
hubspot.extend<'settings'>(() => <LedgerSyncSettings />);
