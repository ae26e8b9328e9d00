import { join, resolve } from 'node:path';
import { openDatabase } from './open-database.ts';
import { choosePort } from './orchestrate/free-port.ts';
import { emptyDatabase, holdsPortals, removeEmbeddedDatabase } from './orchestrate/reset-database.ts';
import { planSandbox, type SandboxPlan } from './orchestrate/sandbox-plan.ts';
import { createSignedUiFetch } from './orchestrate/signed-ui-fetch.ts';
import { startBackend } from './orchestrate/start-backend.ts';
import { startEmulators } from './orchestrate/start-emulators.ts';
import { startPreview } from './preview/start-preview.ts';
import { factsOf, type SandboxFacts, writeFacts } from './sandbox-facts.ts';
import { connectAccounts } from './seed/connect-accounts.ts';
import { type SeedResult, seedSandbox } from './seed/seed-sandbox.ts';

export interface SandboxOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  host: string;
  ports: SandboxPlan['ports'];
  logLevel: string;
  reset: boolean;
  seed: boolean;
  /**
   * With `seed`: install the app and connect QuickBooks only, every sync still off and no demo data,
   * as an admin finds LedgerSync on the first visit to its settings page.
   */
  accountsOnly?: boolean;
  /** Progress lines for the terminal. */
  say?: (line: string) => void;
}

export interface RunningSandbox {
  facts: SandboxFacts;
  plan: SandboxPlan;
  /** What the seed made (null with --no-seed or accountsOnly), so tests can name its records. */
  seeded: SeedResult | null;
  close(): Promise<void>;
}

async function choosePorts(host: string, wanted: SandboxPlan['ports']): Promise<SandboxPlan['ports']> {
  const taken = new Set<number>();
  const pick = async (p: number) => {
    const port = await choosePort(host, p, taken);
    taken.add(port);
    return port;
  };
  return {
    preview: await pick(wanted.preview),
    server: await pick(wanted.server),
    hubspot: await pick(wanted.hubspot),
    quickbooks: await pick(wanted.quickbooks),
  };
}

/**
 * The whole product in this process: database, both emulators, the server and the worker, the
 * preview, then demo data through the real flows. Closing stops them in reverse order.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const say = options.say ?? (() => {});
  const dataDir = resolve(options.dataDir);
  const stack: (() => Promise<void>)[] = [];
  const close = async () => {
    while (stack.length > 0) await stack.pop()?.();
  };
  try {
    // The emulators keep their state in memory, so data from an earlier run would point at
    // portals and companies that no longer exist: every start begins from an empty database.
    if (options.databaseUrl) {
      if ((await holdsPortals(options.databaseUrl)) && !options.reset) {
        throw new Error(
          'DATABASE_URL already holds LedgerSync data. Run `npm start -- --reset` to empty it.',
        );
      }
      if (options.reset) await emptyDatabase(options.databaseUrl);
    } else {
      await removeEmbeddedDatabase(join(dataDir, 'pglite'));
    }
    say('Starting the database…');
    const database = await openDatabase(options.databaseUrl, dataDir);
    stack.push(() => database.close());

    const plan = planSandbox(options.host, await choosePorts(options.host, options.ports));
    say('Starting the HubSpot and QuickBooks emulators, the server and the worker…');
    const emulators = await startEmulators(plan);
    stack.push(() => emulators.close());
    const backend = await startBackend(plan, database.url, options.logLevel, database.embedded);
    stack.push(() => backend.close());
    const uiFetch = createSignedUiFetch(plan.hubspotApp);

    let seeded: SeedResult | null = null;
    let accounts: { hubId: number; realmId: string } | null = null;
    if (options.seed && options.accountsOnly) {
      say('Installing the app and connecting QuickBooks (no sync turned on, no data)…');
      accounts = await connectAccounts(plan, uiFetch);
    } else if (options.seed) {
      say('Seeding a demo company on both sides (OAuth install, QBO connect, settings, data)…');
      seeded = await seedSandbox(plan, uiFetch);
      accounts = seeded;
      const late = seeded.lateFailures;
      stack.push(() => late.stop());
    }
    const hubId = accounts?.hubId ?? null;
    const realmId = accounts?.realmId ?? null;
    const preview = await startPreview({ plan, uiFetch, hubId, realmId });
    stack.push(() => preview.close());
    const facts = factsOf(plan, hubId, realmId, seeded?.tryThis ?? []);
    await writeFacts(join(dataDir, 'sandbox.json'), facts);
    return { facts, plan, seeded, close };
  } catch (error) {
    await close();
    throw error;
  }
}
