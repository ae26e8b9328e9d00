import { createServer } from 'node:net';

function tryListen(host: string, port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(null));
    probe.listen({ host, port, exclusive: true }, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address ? address.port : null;
      probe.close(() => resolve(chosen));
    });
  });
}

/**
 * The preferred port when it is free, else any free one. The servers are built before they listen
 * (each needs the others' URLs), so ports are chosen up front; the gap before they bind is short.
 */
export async function choosePort(
  host: string,
  preferred: number,
  taken: ReadonlySet<number>,
): Promise<number> {
  if (preferred > 0 && !taken.has(preferred)) {
    const port = await tryListen(host, preferred);
    if (port !== null) return port;
  }
  for (;;) {
    const port = await tryListen(host, 0);
    if (port === null) throw new Error(`no free port on ${host}`);
    if (!taken.has(port)) return port;
  }
}
