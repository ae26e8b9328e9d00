import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';

const bin = fileURLToPath(new URL('../bin/ledgersync-hubspot-emulator.js', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('ledgersync-hubspot-emulator command', () => {
  it('prints its URL, client id and secret, and serves the control API', async () => {
    child = spawn(
      process.execPath,
      [bin, '--port', '0', '--client-id', 'cli-id', '--client-secret', 'cli-secret'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
        if (m?.[1] && out.includes('client secret')) resolve(m[1]);
      });
      child?.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain('cli-id');
    expect(out).toContain('cli-secret');
    const res = await fetch(`${url}/_emulator/portals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(201);
  }, 60_000);
});
