import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createChangeIntake } from '@ledgersync/db';
import { type E2ePortal, type E2eWorld, startE2eWorld } from './e2e-world.ts';
import { countQbo, finalizedHubSpotInvoice, syncingPortal, until } from './fixtures.ts';
import type { ChildConfig } from './worker-child.ts';

const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

let world: E2eWorld;
const children = new Set<ChildProcess>();
beforeAll(async () => {
  world = await startE2eWorld();
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => world.close());

function configOf(p: E2ePortal): ChildConfig {
  return {
    databaseUrl: world.databaseUrl,
    hubspotUrl: world.hubspotUrl,
    hubId: p.hubId,
    hubspotToken: p.hubspotToken,
    qboUrl: world.qboUrl,
    realmId: p.realmId,
    qboToken: p.qboToken,
    incomeAccountId: p.incomeAccountId,
  };
}

async function startChild(config: ChildConfig): Promise<ChildProcess> {
  const child = spawn(TSX, [CHILD, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function qboBatches(): Promise<number> {
  const response = await fetch(`${world.qboUrl}/_emulator/requests/counts`);
  const { counts } = (await response.json()) as { counts: Record<string, number> };
  return Object.entries(counts).reduce((n, [k, v]) => (k.endsWith('/batch') ? n + v : n), 0);
}

const synced = async (p: E2ePortal, hubspotInvoiceId: string) =>
  (await world.db.changeNotice.count({ where: { portalId: p.portalId, processedAt: null } })) === 0 &&
  (await world.db.recordLink.count({
    where: {
      portalId: p.portalId,
      hubspotId: hubspotInvoiceId,
      status: 'synced',
      quickbooksId: { not: null },
    },
  })) === 1;

describe('worker processes', () => {
  it('exactly once: a worker killed with SIGKILL mid-drain and restarted leaves no duplicate and loses nothing', async () => {
    const p = await syncingPortal(world);
    const invoice = await finalizedHubSpotInvoice(p);
    await world.resetApiCalls();
    // Every QBO batch is slowed down, so the kill lands while the invoice batch is in flight.
    await fetch(`${world.qboUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/batch', method: 'POST', count: 2, delayMs: 1_500 }),
    });
    const first = await startChild(configOf(p));
    await createChangeIntake(world.db, { debounceMs: 0 }).record([
      {
        portalId: p.portalId,
        side: 'hubspot',
        object: 'invoices',
        recordId: invoice.id,
        eventId: `kill-${invoice.id}`,
      },
    ]);
    await until(async () => (await qboBatches()) >= 1);
    await new Promise((r) => setTimeout(r, 500));
    first.kill('SIGKILL');
    await exited(first);
    expect(await synced(p, invoice.id)).toBe(false);

    // The dead worker's job and queue are unlocked by the next worker once the lock is 5 s old.
    await new Promise((r) => setTimeout(r, 5_500));
    const second = await startChild(configOf(p));
    await until(() => synced(p, invoice.id));
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 90_000);

  it('two workers on one database: every portal synced once, no record written twice', async () => {
    const portals = await Promise.all([syncingPortal(world), syncingPortal(world)]);
    const invoices = await Promise.all(
      portals.map((p, i) => finalizedHubSpotInvoice(p, `two-${i}@example.com`)),
    );
    // Both workers may serve every portal; the per-portal queue keeps each portal's drains serial.
    const [a, b] = (await Promise.all([
      startChild(configOf(portals[0] as E2ePortal)),
      startChild(configOf(portals[0] as E2ePortal)),
    ])) as [ChildProcess, ChildProcess];
    const p = portals[0] as E2ePortal;
    const inv = invoices[0] as { id: string };
    const intake = createChangeIntake(world.db, { debounceMs: 0 });
    // A burst of duplicate notices for the same invoice, as webhooks plus polls would produce.
    for (let i = 0; i < 5; i++) {
      await intake.record([
        {
          portalId: p.portalId,
          side: 'hubspot',
          object: 'invoices',
          recordId: inv.id,
          eventId: `burst-${i}`,
        },
      ]);
    }
    await until(() => synced(p, inv.id));
    expect(await countQbo(p, 'Invoice')).toBe(1);
    expect(await countQbo(p, 'Customer')).toBe(1);
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    expect([await exited(a), await exited(b)]).toEqual([0, 0]);
  }, 90_000);
});
