import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';

/** The scopes the app asks for at install: the adapter's list, which the server uses too. */
export const SANDBOX_SCOPES: readonly string[] = REQUIRED_SCOPE_LIST;
