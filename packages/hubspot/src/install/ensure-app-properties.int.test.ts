import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHubSpot, type TestHubSpot } from '../testing/emulator.ts';
import { ensureAppProperties } from './ensure-app-properties.ts';

let hs: TestHubSpot;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());

describe('ensureAppProperties', () => {
  it('creates the group and properties once, then finds them all present (idempotent)', async () => {
    const client = hs.client(await hs.newPortal());
    const first = await ensureAppProperties(client);
    expect(first.createdProperties).toContain('invoices.ledgersync_qbo_id');
    expect(first.createdProperties).toContain('contacts.ledgersync_sync_status');
    expect(first.createdProperties).toContain('line_items.ledgersync_qbo_id');
    expect(first.createdGroups).toContain('invoices.ledgersync');
    const second = await ensureAppProperties(client);
    expect(second).toEqual({ createdGroups: [], createdProperties: [] });
  });
});
