import { describe, expect, it } from '@jest/globals';
import { APP_PROPERTIES_VERSION, appPropertiesFingerprint } from './app-properties-version.ts';

// The fingerprint of each version's property set. Changing APP_PROPERTIES or PROPERTY_GROUP
// changes the fingerprint: bump APP_PROPERTIES_VERSION and record the new set's fingerprint here,
// so installations made before the change get the new properties (the worker's catch-up-app-properties task ensures them).
const FINGERPRINTS: Readonly<Record<number, string>> = {
  2: '61270e020325c244d5ae9d1ff8f48842f764a518ba2f6beed5ebdad17969ca42',
};

describe('app-owned property set version', () => {
  it('the current set is the one recorded for APP_PROPERTIES_VERSION (bump it when the set changes)', () => {
    expect(appPropertiesFingerprint()).toBe(FINGERPRINTS[APP_PROPERTIES_VERSION]);
  });
});
