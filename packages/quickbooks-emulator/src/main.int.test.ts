import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

describe('ledgersync-qbo-emulator command', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('prints its URL, client id, secret and verifier token, and serves the control API', async () => {
    child = spawn(
      process.execPath,
      [join(import.meta.dirname, '../bin/ledgersync-qbo-emulator.js'), '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
      child?.stdout?.on('data', (chunk) => {
        out += String(chunk);
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m && out.includes('verifier token')) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    expect(out).toContain('client id:');
    expect(out).toContain('client secret:');
    const config = (await (await fetch(`${url}/_emulator/config`)).json()) as { clientId: string };
    expect(out).toContain(config.clientId);
  }, 30_000);
});
