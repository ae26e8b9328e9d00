import { createSyncSettingsRepository } from '@ledgersync/db';
import type { NewPortalOptions, TestWorld } from './start-test-world.ts';
import type { TestPortal } from './test-portal.ts';

/** A HubSpot CRM object as the emulator returns it. */
export interface HsObject {
  id: string;
  properties: Record<string, string>;
}

/** A portal with contact, product and invoice sync on, two-way, started a minute ago. */
export async function syncingPortal(world: TestWorld, options: NewPortalOptions = {}): Promise<TestPortal> {
  const p = await world.newPortal(options);
  const settings = createSyncSettingsRepository(world.db);
  const startedAt = new Date(Date.now() - 60_000);
  for (const object of ['customer', 'product', 'invoice'] as const) {
    await settings.save(p.portalId, object, {
      enabled: true,
      direction: 'two_way',
      syncStartedAt: startedAt,
      ...(object === 'invoice' ? { customLineItemIncomeAccountId: p.incomeAccountId } : {}),
    });
  }
  return p;
}
