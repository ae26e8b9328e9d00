#!/usr/bin/env node
// `npm run prove:production` (a step of .ci/run): the production path without Docker. Builds,
// installs the production dependencies into a clean folder as the Dockerfile does, migrates a fresh
// database with the bundled migrate command, starts the server and one worker from that folder
// with plain `node` against both emulators (separate processes), checks their health endpoints,
// installs the app and connects QuickBooks through the OAuth redirects, syncs one invoice from a
// HubSpot webhook to QBO, and stops both with SIGTERM. Any failure exits non-zero.
//
//   node scripts/production/prove-production.mjs [--skip-build] [--keep] [--drain=N] [--runtime=bundle|tsx]
//
// --drain=N then raises N more invoices and waits until QBO holds them all (memory after a drain);
// --runtime=tsx runs the apps from source through tsx instead of the bundles, for comparison.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hubspotUser, installAndConnect, quickbooksReader, turnOnSync, uiCall } from './admin-flows.mjs';
import { inspectInstall, installDeployFolder } from './deploy-folder.mjs';
import { startEmulators } from './emulators.mjs';
import { freePort, startProcess, waitFor } from './processes.mjs';
import { nodeFlagsOf, PROGRAMS } from './programs.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: options } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    drain: { type: 'string', default: '0' },
    runtime: { type: 'string', default: 'bundle' },
  },
});
const drainSize = Number(options.drain);
const fromSource = options.runtime === 'tsx';
if (!['bundle', 'tsx'].includes(options.runtime) || !Number.isInteger(drainSize) || drainSize < 0) {
  throw new Error('usage: prove-production.mjs [--skip-build] [--keep] [--drain=N] [--runtime=bundle|tsx]');
}

const began = performance.now();
const report = {};
const cleanups = [];
const step = (name) => console.log(`\n== ${name} (${((performance.now() - began) / 1000).toFixed(1)} s)`);

/** The variable the worker's env schema declares for its HTTP listener, if it has one yet. */
function workerPortVariable() {
  const script =
    "const { workerEnvSchema } = await import('./apps/worker/src/worker-config.ts');" +
    'console.log(JSON.stringify(Object.keys(workerEnvSchema.shape)));';
  const keys = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
  const ports = keys.filter((key) => key.endsWith('PORT'));
  if (ports.length > 1)
    throw new Error(`the worker declares several ports (${ports.join(', ')}): say which serves /healthz`);
  return ports[0];
}

async function withDatabase(adminUrl, run) {
  const name = `ls_test_production_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return run(url.toString());
}

/** The command line that runs one of the programs: the bundle from the deploy folder, or the source through tsx. */
function program(name, deployFolder) {
  return fromSource
    ? { args: ['--import', 'tsx', PROGRAMS[name].entry], cwd: ROOT }
    : { args: [...nodeFlagsOf(name), `${name}.js`], cwd: deployFolder };
}

const started = [];
function start(name, deployFolder, env, logDir) {
  const { args, cwd } = program(name, deployFolder);
  const handle = startProcess(name, process.execPath, args, {
    cwd,
    env,
    logFile: join(logDir, `${name}.log`),
  });
  started.push(handle);
  cleanups.push(() => handle.stop('SIGKILL', 1_000));
  return handle;
}

async function getOk(url, headers = {}) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} → ${response.status} ${body.slice(0, 300)}`);
  return body;
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'ledgersync-production-'));
  if (!options.keep) cleanups.push(() => rm(work, { recursive: true, force: true }));
  const deployFolder = join(work, 'app');
  const logDir = work;
  console.log(`working folder: ${work}${options.keep ? ' (kept)' : ''}`);

  if (!options['skip-build']) {
    step('Build (npm run build)');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  step('Production install into a clean folder (npm ci --omit=dev on dist/)');
  await installDeployFolder(join(ROOT, 'dist'), deployFolder);
  report.install = await inspectInstall(deployFolder);
  console.log(`  ${report.install.sizeMb} MB, ${report.install.packages} packages`);
  if (report.install.forbidden.length > 0) {
    throw new Error(`the production install holds ${report.install.forbidden.join(', ')}`);
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  await withDatabase(adminUrl, async (databaseUrl) => {
    step(`Migrate a fresh database (${fromSource ? 'source, tsx' : 'migrate.js'})`);
    const migrate = start('migrate', deployFolder, { DATABASE_URL: databaseUrl }, logDir);
    const migrated = await migrate.exited(60_000);
    const summary = /\d+ applied, \d+ already applied/.exec(migrate.tail());
    if (migrated.code !== 0 || !summary)
      throw new Error(`migrate exited ${JSON.stringify(migrated)}:\n${migrate.tail()}`);
    console.log(`  ${summary[0]}`);

    step('Emulators (separate processes)');
    const serverPort = await freePort();
    const serverUrl = `http://127.0.0.1:${serverPort}`;
    const secret = () => randomBytes(24).toString('hex');
    const apps = {
      hubspot: { clientId: `hs-${secret()}`, clientSecret: secret() },
      quickbooks: { clientId: `qbo-${secret()}`, clientSecret: secret(), verifierToken: secret() },
    };
    const emulators = await startEmulators({
      root: ROOT,
      serverUrl,
      apps,
      logDir,
      rateLimits: drainSize === 0,
    });
    for (const emulator of emulators.processes) cleanups.push(() => emulator.stop('SIGTERM', 5_000));
    const urls = { server: serverUrl, hubspot: emulators.hubspotUrl, quickbooks: emulators.quickbooksUrl };
    console.log(`  HubSpot ${urls.hubspot}, QuickBooks ${urls.quickbooks}`);

    step(`Server and worker (${fromSource ? 'source, node --import tsx' : 'bundles, plain node'})`);
    const metricsToken = secret();
    const shared = {
      DATABASE_URL: databaseUrl,
      TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      LOG_LEVEL: 'info',
      HUBSPOT_CLIENT_ID: apps.hubspot.clientId,
      HUBSPOT_CLIENT_SECRET: apps.hubspot.clientSecret,
      HUBSPOT_API_BASE_URL: urls.hubspot,
      QBO_CLIENT_ID: apps.quickbooks.clientId,
      QBO_CLIENT_SECRET: apps.quickbooks.clientSecret,
      QBO_API_BASE_URL: urls.quickbooks,
      QBO_TOKEN_BASE_URL: urls.quickbooks,
      METRICS_TOKEN: metricsToken,
    };
    const server = start(
      'server',
      deployFolder,
      {
        ...shared,
        HOST: '127.0.0.1',
        PORT: String(serverPort),
        PUBLIC_URL: serverUrl,
        STATE_SIGNING_SECRET: secret(),
        HUBSPOT_APP_ID: emulators.hubspotAppId,
        HUBSPOT_AUTH_BASE_URL: urls.hubspot,
        HUBSPOT_SETTINGS_URL: urls.hubspot,
        QBO_WEBHOOK_VERIFIER_TOKEN: apps.quickbooks.verifierToken,
        QBO_ENVIRONMENT: 'sandbox',
        QBO_AUTH_BASE_URL: urls.quickbooks,
        WEBHOOK_DEBOUNCE_MS: '200',
      },
      logDir,
    );
    const portVariable = workerPortVariable();
    const workerPort = portVariable ? await freePort() : undefined;
    const worker = start(
      'worker',
      deployFolder,
      {
        ...shared,
        WORKER_CONCURRENCY: '2',
        SYNC_DEBOUNCE_MS: '200',
        // The invoice must reach QBO through its webhook, not through a safety-net poll.
        POLL_INTERVAL_SECONDS: '0',
        ...(portVariable ? { [portVariable]: String(workerPort) } : {}),
      },
      logDir,
    );

    step('Health endpoints');
    const serverReady = await waitFor(
      'the server /readyz',
      async () => {
        if (!server.running()) throw new Error(`the server exited:\n${server.tail()}`);
        await getOk(`${serverUrl}/readyz`);
        return performance.now() - server.startedAt;
      },
      { timeoutMs: 30_000, everyMs: 50 },
    );
    await getOk(`${serverUrl}/healthz`);
    await getOk(`${serverUrl}/metrics`, { authorization: `Bearer ${metricsToken}` });
    const workerStarted = await worker.waitForOutput(/"msg":"worker started"/, 30_000);
    let workerReady = workerStarted.ms;
    if (portVariable) {
      workerReady = await waitFor(
        `the worker /healthz (${portVariable})`,
        async () => {
          await getOk(`http://127.0.0.1:${workerPort}/healthz`);
          return performance.now() - worker.startedAt;
        },
        { timeoutMs: 30_000, everyMs: 50 },
      );
      console.log(`  worker /healthz on ${portVariable}=${workerPort}: 200`);
    } else {
      console.log('  the worker declares no port variable yet: its /healthz is not checked');
    }
    report.readyMs = { server: Math.round(serverReady), worker: Math.round(workerReady) };
    console.log(`  server /healthz, /readyz, /metrics: 200 (ready in ${report.readyMs.server} ms)`);
    console.log(`  worker started (ready in ${report.readyMs.worker} ms)`);
    report.memory = { ready: { server: server.memory(), worker: worker.memory() } };

    step('Install the app and connect QuickBooks (OAuth through the server)');
    const { hubId, realmId } = await installAndConnect(urls);
    await turnOnSync(urls, hubId);
    console.log(`  portal ${hubId} installed, realm ${realmId} connected, sync on`);

    step('One invoice: HubSpot webhook → server → worker → QBO');
    const sales = hubspotUser(urls, hubId);
    const contact = await sales.create('contacts', {
      email: 'buyer@proof.example',
      firstname: 'Proof',
      lastname: 'Buyer',
    });
    const product = await sales.create('products', { name: 'Proof Widget', hs_sku: 'PW-1', price: '12.50' });
    const invoice = await sales.raiseInvoice(contact.id, [
      { name: 'Proof Widget', quantity: '3', price: '12.50', hs_product_id: product.id },
    ]);
    const card = await waitFor(
      `invoice ${invoice.id} synced`,
      async () => {
        const view = await uiCall(urls, hubId, 'GET', `/invoices/${invoice.id}/card`);
        if (view.status === 'failed') throw new Error(`sync failed: ${JSON.stringify(view.error)}`);
        return view.status === 'synced' && view.quickbooks ? view : undefined;
      },
      { timeoutMs: 60_000, everyMs: 500 },
    );
    const qbo = await quickbooksReader(urls, realmId);
    const inQbo = await qbo.invoice(card.quickbooks.id);
    if (Number(inQbo.TotalAmt) !== 37.5)
      throw new Error(`QBO invoice ${inQbo.Id} totals ${inQbo.TotalAmt}, not 37.50`);
    const { deliveries } = await fetch(`${urls.hubspot}/_emulator/webhooks/deliveries`).then((r) => r.json());
    const delivered = deliveries.filter((d) => d.status >= 200 && d.status < 300).length;
    if (delivered === 0)
      throw new Error(`no HubSpot webhook was accepted: ${JSON.stringify(deliveries).slice(0, 400)}`);
    console.log(
      `  HubSpot invoice ${invoice.id} → QBO invoice ${inQbo.Id} (${inQbo.TotalAmt}), ${delivered} webhooks accepted`,
    );

    if (drainSize > 0) {
      // At rest: the first sync done, both idle for a while.
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      report.memory.atRest = { server: server.memory(), worker: worker.memory() };
      step(`Drain: ${drainSize} more invoices`);
      const drainStart = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < drainSize) {
            const n = next++;
            await sales.raiseInvoice(contact.id, [
              {
                name: 'Proof Widget',
                quantity: String(1 + (n % 5)),
                price: '12.50',
                hs_product_id: product.id,
              },
            ]);
          }
        }),
      );
      console.log(`  raised in ${((performance.now() - drainStart) / 1000).toFixed(1)} s`);
      await waitFor(
        `${drainSize + 1} invoices in QBO`,
        async () => ((await qbo.count('Invoice')) >= drainSize + 1 ? true : undefined),
        { timeoutMs: 15 * 60_000, everyMs: 1_000 },
      );
      report.drainSeconds = Math.round((performance.now() - drainStart) / 100) / 10;
      report.memory.afterDrain = { server: server.memory(), worker: worker.memory() };
    }

    step('Stop both with SIGTERM');
    const stopped = await Promise.all([server.stop('SIGTERM', 15_000), worker.stop('SIGTERM', 15_000)]);
    report.stop = { server: stopped[0], worker: stopped[1] };
    for (const [name, result] of Object.entries(report.stop)) {
      console.log(`  ${name}: exit ${result.code ?? result.signal} in ${Math.round(result.ms)} ms`);
      if (result.code !== 0 || result.killed) {
        throw new Error(`${name} did not exit 0 on SIGTERM: ${JSON.stringify(result)}`);
      }
    }
  });
}

let failed = false;
try {
  await main();
  step(`Production path passed (${options.runtime})`);
  console.log(JSON.stringify(report, null, 2));
} catch (error) {
  failed = true;
  console.error(`\nProduction path FAILED: ${error instanceof Error ? error.stack : error}`);
  for (const handle of started) console.error(`\n-- ${handle.name}, last output:\n${handle.tail(2_000)}`);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
    }
  }
}
process.exit(failed ? 1 : 0);
