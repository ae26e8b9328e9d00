import Fastify, { type FastifyInstance } from 'fastify';

export interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer the next N requests with this status. */
  failNext(n: number, status?: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A stand-in for our backend: records raw requests, can be told to fail. */
export async function startReceiver(): Promise<Receiver> {
  const app: FastifyInstance = Fastify();
  const received: Received[] = [];
  let failures: { n: number; status: number } = { n: 0, status: 500 };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.all('/*', async (req, reply) => {
    received.push({ method: req.method, url: req.url, headers: req.headers, body: String(req.body ?? '') });
    if (failures.n > 0) {
      failures = { ...failures, n: failures.n - 1 };
      return reply.code(failures.status).send({ error: 'nope' });
    }
    return reply.code(200).send({ ok: true });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    failNext(n, status = 500) {
      failures = { n, status };
    },
    async waitFor(count, timeoutMs = 5000) {
      const start = Date.now();
      while (received.length < count) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`only ${received.length} of ${count} requests arrived`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => app.close(),
  };
}
