import type { SideReader, SideWriter } from '@ledgersync/sync-engine';
import {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientOptions,
} from './http/create-hubspot-client.ts';
import type { RateLimiterRegistry } from './http/rate-limiter.ts';
import type { TokenManager } from './oauth/token-manager.ts';
import { createHubSpotSideReader } from './ports/hubspot-side-reader.ts';
import { createHubSpotSideWriter } from './ports/hubspot-side-writer.ts';

export interface HubSpotAdapterOptions {
  readonly basePath: string;
  readonly portalId: string;
  readonly tokens: TokenManager;
  /** One per process, shared by every adapter, so each portal has one budget. */
  readonly rateLimiters: RateLimiterRegistry;
  /** Epoch ms. */
  readonly now: () => number;
  readonly sleep?: HubSpotClientOptions['sleep'];
  readonly retry?: HubSpotClientOptions['retry'];
  readonly onFailure?: HubSpotClientOptions['onFailure'];
}

/** The engine's ports for one HubSpot portal, wired over one rate-limited client. */
export function createHubSpotAdapter(options: HubSpotAdapterOptions): {
  client: HubSpotClient;
  reader: SideReader;
  writer: SideWriter;
} {
  const client = createHubSpotClient({
    basePath: options.basePath,
    portalId: options.portalId,
    accessToken: options.tokens.accessToken,
    onUnauthorized: options.tokens.invalidate,
    rateLimiter: options.rateLimiters.forPortal(options.portalId),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.onFailure ? { onFailure: options.onFailure } : {}),
  });
  return {
    client,
    reader: createHubSpotSideReader({ client, now: options.now }),
    writer: createHubSpotSideWriter({ client, now: options.now }),
  };
}
