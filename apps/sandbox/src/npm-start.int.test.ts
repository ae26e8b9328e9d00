import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import type { SandboxFacts } from './sandbox-facts.ts';

// `npm start` exactly as a new user types it, from the repository root.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let database: TestDatabase;
let dataDir: string;
let child: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'ledgersync-npm-start-'));
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

function waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child?.stdout?.on('data', check);
    child?.on('exit', () => {
      clearTimeout(timer);
      if (pattern.test(output)) resolve();
      else reject(new Error(`npm start exited (${child?.exitCode}):\n${output}`));
    });
    check();
  });
}

describe('npm start', () => {
  it('reaches ready, serves the preview, writes .data/sandbox.json and stops cleanly on Ctrl-C', async () => {
    child = spawn('npm', ['start', '--', '--no-seed'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_PREVIEW_PORT: '0',
        SANDBOX_SERVER_PORT: '0',
        SANDBOX_HUBSPOT_PORT: '0',
        SANDBOX_QBO_PORT: '0',
        LOG_LEVEL: 'silent',
      },
      // Its own process group, so Ctrl-C reaches npm and the sandbox under it, as in a terminal.
      detached: true,
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    await waitFor(/LedgerSync sandbox is ready\./, 90_000);

    const facts = JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')) as SandboxFacts;
    expect(output).toContain(facts.urls.preview);
    expect(output).toContain(facts.urls.apiDocs);
    const page = await fetch(facts.urls.preview);
    expect(await page.text()).toContain('<script type="module" src="/assets/host.js">');
    const host = await fetch(`${facts.urls.preview}/assets/host.js`);
    expect(host.status).toBe(200);
    expect((await fetch(`${facts.urls.server}/healthz`)).status).toBe(200);
    expect((await fetch(`${facts.urls.hubspotEmulator}/_emulator/app`)).status).toBe(200);

    // npm itself dies of the SIGINT, as in a terminal; the streams close once the sandbox under it
    // has finished stopping.
    const closed = new Promise<void>((resolve) => child?.on('close', () => resolve()));
    process.kill(-(child.pid ?? 0), 'SIGINT');
    await closed;
    expect(output).toContain('Stopping the sandbox…');
    expect(output).toContain('Sandbox stopped.');
    expect(output).not.toContain('stopped with an error');
  }, 120_000);
});
