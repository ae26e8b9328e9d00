import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { choosePort } from './free-port.ts';

const held: Server[] = [];
afterAll(async () => {
  await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
});

function hold(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    held.push(server);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

describe('choosePort', () => {
  it('replaces a taken preferred port with a free one', async () => {
    const busy = await hold();
    const chosen = await choosePort('127.0.0.1', busy, new Set());
    expect(chosen).not.toBe(busy);
    expect(chosen).toBeGreaterThan(0);
  });

  it('never hands out a port already planned for another server', async () => {
    const first = await choosePort('127.0.0.1', 0, new Set());
    const second = await choosePort('127.0.0.1', first, new Set([first]));
    expect(second).not.toBe(first);
  });
});
