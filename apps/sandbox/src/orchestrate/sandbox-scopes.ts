import { REQUIRED_SCOPE_LIST } from '../gateways/hubspot-package.ts';
import { HUBSPOT_SCOPES } from '../gateways/server-package.ts';

/**
 * The server's install scopes lack the schema scopes the adapter's property installer needs
 * (contacts, products, line items, payments), so install would fail at `ensureAppProperties`.
 * Until the server asks for the adapter's list, the sandbox asks for both.
 */
export const SANDBOX_SCOPES: readonly string[] = [...new Set([...HUBSPOT_SCOPES, ...REQUIRED_SCOPE_LIST])];
