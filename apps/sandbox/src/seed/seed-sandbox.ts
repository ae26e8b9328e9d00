import type { SandboxPlan } from '../orchestrate/sandbox-plan.ts';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';
import { connectAccounts } from './connect-accounts.ts';
import { DEMO_COMPANIES } from './demo-catalog.ts';
import { quickbooksAsUser } from './emulator-calls.ts';
import { seedHubSpotCatalog } from './seed-data.ts';
import { type SeededInvoice, seedHubSpotInvoices } from './seed-hubspot-invoices.ts';
import { type LateFailures, seedLateFailures } from './seed-late-failures.ts';
import { seedQuickBooks } from './seed-quickbooks.ts';
import { turnOnSync } from './turn-on-sync.ts';

export interface SeedResult {
  hubId: number;
  realmId: string;
  invoices: SeededInvoice[];
  /** R-ERR-3 and R-ERR-4 need synced invoices first, so they are made after start. */
  lateFailures: LateFailures;
  tryThis: string[];
}

/** Waits (bounded) until the worker has sent the contacts to QBO, so invoices find their customers. */
async function customersSynced(
  qboUrl: string,
  realmId: string,
  wanted: number,
  timeoutMs: number,
): Promise<boolean> {
  const qbo = await quickbooksAsUser(qboUrl, realmId);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const r = await qbo.query<unknown>('select * from Customer maxresults 1000');
    if ((r.QueryResponse.Customer?.length ?? 0) >= wanted) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** A believable company on each side, made only through the product's real flows and the vendors' APIs. */
export async function seedSandbox(plan: SandboxPlan, uiFetch: SignedUiFetch): Promise<SeedResult> {
  const { hubId, realmId } = await connectAccounts(plan, uiFetch);
  await turnOnSync(plan.urls.server, hubId, uiFetch);
  const [catalog] = await Promise.all([
    seedHubSpotCatalog(plan.urls.hubspot, hubId),
    seedQuickBooks(plan.urls.quickbooks, realmId),
  ]);
  // One customer per company plus the bookkeeper's own four; a slow machine just starts sooner.
  await customersSynced(plan.urls.quickbooks, realmId, DEMO_COMPANIES.length + 4, 60_000);
  const invoices = await seedHubSpotInvoices(plan.urls.hubspot, hubId, catalog);
  const openOnes = invoices.filter((i) => i.state === 'open' && !i.failsWith);
  const open = openOnes[0];
  const failed = invoices.find((i) => i.failsWith);
  const lateFailures = seedLateFailures(
    { serverUrl: plan.urls.server, hubId, uiFetch },
    plan.urls,
    realmId,
    invoices,
    catalog,
  );
  return {
    hubId,
    realmId,
    invoices,
    lateFailures,
    tryThis: [
      `Pay invoice ${open?.number ?? 'an open invoice'} in the preview's QuickBooks view and watch its card turn paid.`,
      'Open Settings, switch a mapped field off, and see the next sync leave it alone.',
      `Open invoice ${failed?.number ?? 'a failed invoice'} to read why it failed and how to fix it.`,
    ],
  };
}
