// `npm run bench`: every scenario against PostgreSQL (DATABASE_URL or the local test server) and
// both emulators with their real rate limits; prints a table and writes bench/results/<date>.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './bench-config.ts';
import { formatTable } from './report/format-table.ts';
import type { ScenarioKey } from './run-scenarios.ts';

const ALL: readonly ScenarioKey[] = [
  'inbound',
  'outbound',
  'steady',
  'portals',
  'scale',
  'first-sync',
  'two-workers',
];

if (process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL) {
  // The bench creates (and drops) its own databases on that server; the database package reads
  // this when it loads, hence the import below comes after.
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
}
const { runScenarios } = await import('./run-scenarios.ts');
const config = parseBenchArgs(process.argv.slice(2));
const keys = config.only ? (config.only.split(',') as ScenarioKey[]) : ALL;
const unknown = keys.filter((k) => !ALL.includes(k));
if (unknown.length > 0)
  throw new Error(`unknown scenarios: ${unknown.join(', ')} (known: ${ALL.join(', ')})`);

const results = await runScenarios(config, keys, (r) => {
  process.stdout.write(`${r.name} (${r.size}): ${(r.wallMs / 1000).toFixed(1)} s, correct: ${r.correct}\n`);
});
process.stdout.write(`\n${formatTable(results)}\n`);
const dir = fileURLToPath(new URL('../results/', import.meta.url));
await mkdir(dir, { recursive: true });
const file = `${dir}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
await writeFile(file, `${JSON.stringify({ config, at: new Date().toISOString(), results }, null, 2)}\n`);
process.stdout.write(`\nwritten ${file}\n`);
