import type { Db, TokenCipher } from '@ledgersync/db';
import type { FastifyServerOptions } from 'fastify';
import type { ServerMetrics } from './metrics/server-metrics.ts';
import type { HubSpotGateway } from './ports/hubspot-gateway.ts';
import type { QuickBooksGateway } from './ports/quickbooks-gateway.ts';
import type { SyncControl } from './ports/sync-control.ts';
import type { ServerConfig } from './server-config.ts';

export interface ServerDeps {
  db: Db;
  cipher: TokenCipher;
  config: ServerConfig;
  hubspot: HubSpotGateway;
  quickbooks: QuickBooksGateway;
  /** Defaults to the queue-backed implementation over `db`. */
  syncControl?: SyncControl;
  clock?: () => Date;
}

export interface ServerOptions {
  /** pino options or false; redaction is always added. */
  logger?: FastifyServerOptions['logger'];
  /** Turn off the per-IP rate limit (load tests); on by default. */
  rateLimit?: boolean;
  metrics?: ServerMetrics;
}

/** Everything a route module gets: the injected deps, resolved. */
export interface RouteContext {
  db: Db;
  cipher: TokenCipher;
  config: ServerConfig;
  hubspot: HubSpotGateway;
  quickbooks: QuickBooksGateway;
  syncControl: SyncControl;
  now: () => Date;
  metrics: ServerMetrics;
}
