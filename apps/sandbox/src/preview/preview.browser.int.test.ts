import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import type { BrowserContext, Page } from 'playwright-core';
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
    const edits = page.getByRole('button', { name: 'Edit', exact: true });
    await edits.last().click();
    const on = page.locator('input[role="switch"]:checked:not([disabled])').first();
    await on.waitFor({ timeout: 15_000 });
    const label = (await on.locator('xpath=..').textContent()) ?? '';
    await on.click();
    const sameSwitch = () => page.locator('label.hs-toggle', { hasText: label }).locator('input');
    await expectEventually(async () => !(await sameSwitch().isChecked()), 15_000);
    await page.screenshot({ path: join(await artifactsDir(), 'settings-page.png'), fullPage: true });

    // After a reload the backend's stored settings say the same.
    await page.reload();
    await page.getByRole('button', { name: 'Edit', exact: true }).last().click();
    await sameSwitch().waitFor({ timeout: 15_000 });
    expect(await sameSwitch().isChecked()).toBe(false);
    await page.close();
  }, 60_000);

  it('an invoice record shows the card synced with its QuickBooks number; paid in QuickBooks, it turns paid (R-VIS-1, R-OBJ-4)', async () => {
    const invoice = seededInvoice((i) => i.state === 'open' && !i.failsWith);
    const page = await context.newPage();
    await openInvoice(page, invoice.id);
    await card(page).getByText('Synced', { exact: true }).waitFor({ timeout: 45_000 });
    await card(page).getByText(invoice.number, { exact: true }).waitFor();
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
    // The card is mounted afresh on the change and still shows the invoice in sync.
    await card(page).getByText('Synced', { exact: true }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(await artifactsDir(), 'invoice-card-paid.png'), fullPage: true });
    await page.close();
  }, 100_000);

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
});

async function expectEventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(await check()).toBe(true);
}
