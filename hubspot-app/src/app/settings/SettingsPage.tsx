import { hubspot, Text } from '@hubspot/ui-extensions';

// Entry point named in settings-hsmeta.json.
hubspot.extend<'settings'>(() => <Text>LedgerSync settings</Text>);
