import { createHash } from 'node:crypto';
import { APP_PROPERTIES, PROPERTY_GROUP } from './app-properties.ts';

/**
 * The version of LedgerSync's app-owned property set (`APP_PROPERTIES`, `PROPERTY_GROUP`). An
 * installation records the version it has; the worker ensures the properties of any installation
 * behind it, so a property added after a portal installed (e.g. `ledgersync_qbo_number`, version 2)
 * reaches that portal before a write needs it. Bump it with every change to the set:
 * app-properties-version.test.ts fails until the fingerprint of the new set is recorded there.
 */
export const APP_PROPERTIES_VERSION = 2;

/** A digest of the property definitions, so a change to the set cannot go unnoticed. */
export function appPropertiesFingerprint(): string {
  return createHash('sha256')
    .update(JSON.stringify({ group: PROPERTY_GROUP, properties: APP_PROPERTIES }))
    .digest('hex');
}
