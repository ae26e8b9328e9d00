import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { createSignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';
import { type RunningSandbox, startSandbox } from '../start-sandbox.ts';
import { artifactsDir } from '../testing/artifacts-dir.ts';
import { launchChromium } from '../testing/headless-chromium.ts';

// The whole product behind the preview, driven in headless Chromium as a HubSpot user would.
let database: TestDatabase;
let sandbox: RunningSandbox;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'ledgersync-sandbox-'));
  sandbox = await startSandbox({
    databaseUrl: database.url,
    dataDir,
    host: '127.0.0.1',
    ports: { preview: 0, server: 0, hubspot: 0, quickbooks: 0 },
    logLevel: 'silent',
    reset: false,
    seed: true,
  });
  browser = await launchChromium();
  context = browser.context;
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

const url = (path: string) => `${sandbox.facts.urls.preview}${path}`;

function seededInvoice(pick: (i: { state: string; failsWith?: string }) => boolean) {
  const found = sandbox.seeded?.invoices.find(pick);
  if (!found?.number) throw new Error('the seed made no such invoice');
  return found as typeof found & { number: string };
}

async function openInvoice(page: Page, id: string) {
  await page.goto(url(`/invoices/${id}`));
  await page.getByRole('region', { name: 'Integrations sync' }).waitFor();
}

const card = (page: Page) => page.getByRole('region', { name: 'Integrations sync' });

describe('the local preview in Chromium', () => {
  it('settings page: a mapped field switched off stays off (R-MAP-3)', async () => {
    const page = await context.newPage();
    await page.goto(url('/settings'));
    await page.getByText('QuickBooks Online connection').waitFor({ timeout: 20_000 });
    // The invoices row's Edit opens its configuration; its mapped fields each have a switch. (Not
    // just the first checked switch on the page: that is the products sync itself, and turning it
    // off would stop the sync the other tests watch.)
    await page.getByRole('button', { name: 'Edit', exact: true }).last().click();
    const dueDate = () => page.getByRole('switch', { name: 'Sync Due date', exact: true });
    await dueDate().waitFor({ timeout: 15_000 });
    expect(await dueDate().isChecked()).toBe(true);
    await dueDate().click();
    await expectEventually(async () => !(await dueDate().isChecked()), 15_000);
    expect(await page.getByRole('switch', { name: 'Products sync' }).isChecked()).toBe(true);
    await page.screenshot({ path: join(await artifactsDir(), 'settings-page.png'), fullPage: true });

    // After a reload the backend's stored settings say the same.
    await page.reload();
    await page.getByRole('button', { name: 'Edit', exact: true }).last().click();
    await dueDate().waitFor({ timeout: 15_000 });
    expect(await dueDate().isChecked()).toBe(false);
    await page.close();
  }, 60_000);

  it('an invoice record shows the card synced with its QuickBooks number; paid in QuickBooks, it turns paid (R-VIS-1, R-OBJ-4, R-OBJ-5)', async () => {
    const invoice = seededInvoice((i) => i.state === 'open' && !i.failsWith);
    const page = await context.newPage();
    await openInvoice(page, invoice.id);
    // The seed's invoices sync while the first tests run; on a busy machine that takes a while.
    await card(page).getByText('Synced', { exact: true }).waitFor({ timeout: 90_000 });
    await card(page).getByText(invoice.number, { exact: true }).waitFor();
    await card(page).getByText('Unpaid', { exact: true }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(await artifactsDir(), 'invoice-card.png'), fullPage: true });

    const qbo = await context.newPage();
    await qbo.goto(url('/quickbooks'));
    await qbo.getByRole('button', { name: `Pay ${invoice.number}`, exact: true }).click();
    await qbo
      .getByRole('status')
      .filter({ hasText: `invoice ${invoice.number}` })
      .waitFor();
    await qbo.close();

    await page
      .getByTestId('invoice-status')
      .filter({ hasText: /^paid$/ })
      .waitFor({ timeout: 45_000 });
    // The card is mounted afresh on the change: paid (R-OBJ-5), and still in sync.
    await card(page).getByText('Paid', { exact: true }).waitFor({ timeout: 45_000 });
    await card(page).getByText('Synced', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await card(page).getByText('Unpaid', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(await artifactsDir(), 'invoice-card-paid.png'), fullPage: true });
    await page.close();
  }, 150_000);

  it('a failed invoice explains why and how to fix it (R-ERR-1, R-VIS-4)', async () => {
    const invoice = seededInvoice((i) => i.failsWith === 'R-ERR-1');
    const page = await context.newPage();
    await openInvoice(page, invoice.id);
    await card(page).getByText('How to fix it').waitFor({ timeout: 45_000 });
    const text = (await card(page).textContent()) ?? '';
    expect(text).toMatch(/customer/i);
    await page.screenshot({ path: join(await artifactsDir(), 'invoice-card-failed.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('every seeded failure shows in the overview with its code; R-ERR-3 on its card, fixed, then paid in part in HubSpot (R-ERR-1..4, R-VIS-3, R-OBJ-5)', async () => {
    const seeded = sandbox.seeded;
    if (!seeded) throw new Error('the sandbox was not seeded');
    const { invoices: late, gaveUp } = await seeded.lateFailures.done;
    expect(gaveUp).toEqual([]);
    const revenueRecognition = late.find((i) => i.failsWith === 'R-ERR-3');
    const amountEdit = late.find((i) => i.failsWith === 'R-ERR-4');
    expect(revenueRecognition).toBeDefined();
    expect(amountEdit).toBeDefined();

    // The records the overview lists as failing, read through the signed API it calls.
    const uiFetch = createSignedUiFetch(sandbox.plan.hubspotApp);
    const response = await uiFetch({
      portalId: seeded.hubId,
      userId: 1,
      method: 'GET',
      url: `${sandbox.facts.urls.server}/api/v1/records?status=failed&columns=object,hubspotRecord,error&pageSize=200`,
    });
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as {
      rows: { object: string; hubspotRecord: { id: string } | null; error: { code: string } | null }[];
    };
    const codeOf = (object: string, hubspotId: string | undefined) =>
      rows.find((r) => r.object === object && r.hubspotRecord?.id === hubspotId)?.error?.code;
    for (const invoice of seeded.invoices.filter((i) => i.failsWith === 'R-ERR-1'))
      expect(codeOf('invoice', invoice.id)).toBe('invoice_customer_missing');
    expect(rows.some((r) => r.object === 'customer' && r.error?.code === 'duplicate_display_name')).toBe(
      true,
    );
    expect(codeOf('invoice', revenueRecognition?.id)).toBe('service_date_required');
    expect(codeOf('invoice', amountEdit?.id)).toBe('hubspot_native_edited_in_quickbooks');

    // R-CON-8: the sandbox installs on a paid plan, so custom mappings can be tried.
    const settings = await uiFetch({
      portalId: seeded.hubId,
      userId: 1,
      method: 'GET',
      url: `${sandbox.facts.urls.server}/api/v1/settings`,
    });
    expect(await settings.json()).toMatchObject({
      portal: { planTier: 'professional' },
      invoice: { customMappingsLocked: { locked: false } },
    });

    const page = await context.newPage();
    await openInvoice(page, revenueRecognition?.id ?? '');
    await card(page).getByText('How to fix it').waitFor({ timeout: 30_000 });
    expect((await card(page).textContent()) ?? '').toMatch(/revenue recognition/i);
    // QuickBooks refused the write: the attempt reads in the direction it went (R-VIS-6).
    expect((await card(page).textContent()) ?? '').toMatch(/Invoice couldn't sync to QuickBooks: Business/);
    expect((await card(page).textContent()) ?? '').not.toMatch(/couldn't sync to HubSpot/);

    // The card's fix, as the bookkeeper and the HubSpot user would apply it.
    const qbo = await context.newPage();
    await qbo.goto(url('/quickbooks'));
    await qbo.getByRole('button', { name: 'Turn revenue recognition off' }).click();
    await qbo.getByRole('status').filter({ hasText: 'Revenue recognition is off' }).waitFor();
    await qbo.close();
    await card(page).getByRole('button', { name: 'Resync' }).click();
    await card(page).getByText('Synced', { exact: true }).waitFor({ timeout: 60_000 });

    // Now synced, a partial payment the sales user records in HubSpot shows on the card (R-OBJ-5).
    await card(page).getByText('Unpaid', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Record a partial payment' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded a payment' }).waitFor();
    await card(page).getByText('Partially paid', { exact: true }).waitFor({ timeout: 60_000 });
    expect((await card(page).textContent()) ?? '').toMatch(/paid of .*, .* due/);
    await page.close();
  }, 300_000);
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(await check()).toBe(true);
}
