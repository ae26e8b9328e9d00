import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkScrapeToken, healthReport, SCRAPE_CHALLENGE } from '@ledgersync/ops';
import type { Registry } from 'prom-client';

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly registry: Registry;
  /** The bearer token `/metrics` requires (the server's rule); unset, nobody may scrape. */
  readonly metricsToken: string | undefined;
  /** What `/healthz` reports: each check's result, `ok` or what is wrong. */
  readonly checks: () => Promise<Readonly<Record<string, string>>>;
  /** Checks that have not answered by then make the probe fail as `checks: timeout` (default 3 s). */
  readonly checkTimeoutMs?: number;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);

/**
 * The worker's own small HTTP listener for probes and Prometheus: `GET /healthz` (200 when every
 * check is ok, else 503, with each check's result) and `GET /metrics` (bearer token). Nothing else
 * is served: the worker takes no requests from the outside world.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const timeoutMs = options.checkTimeoutMs ?? 3_000;
  const runChecks = async (): Promise<Readonly<Record<string, string>>> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Record<string, string>>((resolve) => {
      timer = setTimeout(() => resolve({ checks: 'timeout' }), timeoutMs);
    });
    try {
      return await Promise.race([options.checks().catch(() => ({ checks: 'failed' })), late]);
    } finally {
      clearTimeout(timer);
    }
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/metrics')) {
      json(res, 404, {
        error: 'not_found',
        message: 'This listener serves GET /healthz and GET /metrics only',
      });
      return;
    }
    const answer =
      path === '/healthz'
        ? (async () => {
            const report = healthReport(await runChecks());
            json(res, report.status === 'ok' ? 200 : 503, report);
          })()
        : (async () => {
            const check = checkScrapeToken(req.headers.authorization, options.metricsToken);
            if (!check.ok) {
              const challenge: Record<string, string> =
                check.status === 401 ? { 'www-authenticate': SCRAPE_CHALLENGE } : {};
              json(res, check.status, { error: check.code, message: check.message }, challenge);
              return;
            }
            send(res, 200, options.registry.contentType, await options.registry.metrics());
          })();
    answer.catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal_error', message: 'The probe failed' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
