// `npm start`: the whole of LedgerSync on this machine, with no HubSpot or QuickBooks account.
import { loadEnv } from '@ledgersync/config';
import { parseFlags, sandboxEnvSchema } from './sandbox-config.ts';
import { readyBlock } from './sandbox-facts.ts';
import { startSandbox } from './start-sandbox.ts';

const env = loadEnv(sandboxEnvSchema, process.env);
const flags = parseFlags(process.argv.slice(2), env);
const sandbox = await startSandbox({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.SANDBOX_DATA_DIR,
  host: env.SANDBOX_HOST,
  ports: {
    preview: env.SANDBOX_PREVIEW_PORT,
    server: env.SANDBOX_SERVER_PORT,
    hubspot: env.SANDBOX_HUBSPOT_PORT,
    quickbooks: env.SANDBOX_QBO_PORT,
  },
  logLevel: env.LOG_LEVEL,
  reset: flags.reset,
  seed: flags.seed,
  say: (line) => console.log(line),
});
console.log(readyBlock(sandbox.facts));

// Ctrl-C: the worker finishes or releases its jobs (a notice is marked done only after its results
// are stored), then the servers stop and the embedded database closes its files.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the sandbox…');
    sandbox.close().then(
      () => {
        console.log('Sandbox stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('The sandbox stopped with an error:', error);
        process.exit(1);
      },
    );
  });
}
