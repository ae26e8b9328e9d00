import { createRenderer } from '@hubspot/ui-extensions/testing';

/**
 * HubSpot's renderer with a patient `waitFor`. Its default of 1 s is shorter than a first render of
 * the settings page takes when CI runs this suite on two cores beside the database-backed suites;
 * a check that never passes still fails, only later.
 */
const WAIT_FOR_TIMEOUT_MS = 10_000;

export function createTestRenderer<L extends Parameters<typeof createRenderer>[0]>(location: L) {
  const renderer = createRenderer<L>(location);
  const waitFor = renderer.waitFor;
  renderer.waitFor = (check, options) => waitFor(check, { timeoutInMs: WAIT_FOR_TIMEOUT_MS, ...options });
  return renderer;
}
