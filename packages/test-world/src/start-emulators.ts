import {
  type AppConfig,
  createHubSpotEmulator,
  type HubSpotEmulatorOptions,
  type RateLimitOptions as HubSpotRateLimits,
} from '@ledgersync/hubspot-emulator';
import {
  createQuickBooksEmulator,
  type QuickBooksEmulator,
  type QuickBooksEmulatorOptions,
  type RateLimitOptions as QuickBooksRateLimits,
} from '@ledgersync/quickbooks-emulator';
import type { FastifyInstance } from 'fastify';
import { json } from './http.ts';
import {
  type HubSpotApp,
  hubspotRedirectUri,
  type QuickBooksApp,
  quickbooksRedirectUri,
} from './world-context.ts';

export interface EmulatorOptions {
  /** Off by default; `true` for the real values; or custom limits (what a benchmark's floor is computed from). */
  readonly rateLimits?:
    | boolean
    | { readonly hubspot: Partial<HubSpotRateLimits>; readonly quickbooks: Partial<QuickBooksRateLimits> };
  /** A fixed delay added to every API call (not the control API), simulating real round trips. */
  readonly perCallDelayMs?: number;
  /** More HubSpot emulator options; `app` is merged into the registered OAuth app. */
  readonly hubspotEmulator?: Omit<HubSpotEmulatorOptions, 'app' | 'rateLimits'> & {
    app?: Partial<AppConfig>;
  };
  readonly quickbooksEmulator?: Omit<QuickBooksEmulatorOptions, 'rateLimits'>;
}

export interface StartedEmulators {
  readonly hubspot: FastifyInstance;
  readonly quickbooks: QuickBooksEmulator;
  readonly hubspotUrl: string;
  readonly qboUrl: string;
  close(): Promise<void>;
}

/** Both emulators on loopback ports, each with the world's OAuth app registered. */
export async function startEmulators(
  options: EmulatorOptions,
  apps: { publicUrl: string; hubspotApp: HubSpotApp; quickbooksApp: QuickBooksApp },
): Promise<StartedEmulators> {
  const limits = options.rateLimits ?? false;
  const { app: appExtra, ...hubspotExtra } = options.hubspotEmulator ?? {};
  const hubspot = createHubSpotEmulator({
    rateLimits: limits === false ? false : limits === true ? {} : { ...limits.hubspot },
    ...hubspotExtra,
    app: {
      appId: apps.hubspotApp.appId,
      clientId: apps.hubspotApp.clientId,
      clientSecret: apps.hubspotApp.clientSecret,
      redirectUris: [hubspotRedirectUri(apps)],
      ...appExtra,
    },
  });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('the HubSpot emulator has no port');
  const hubspotUrl = `http://127.0.0.1:${address.port}`;
  const quickbooks = createQuickBooksEmulator({
    rateLimits: limits === false ? false : limits === true ? {} : { ...limits.quickbooks },
    clientId: apps.quickbooksApp.clientId,
    clientSecret: apps.quickbooksApp.clientSecret,
    redirectUris: [quickbooksRedirectUri(apps)],
    ...options.quickbooksEmulator,
  });
  const qboUrl = await quickbooks.listen({ host: '127.0.0.1', port: 0 });
  if (options.perCallDelayMs) {
    // A delay-only fault on every API path, unlimited in practice.
    const delay = { count: 1e9, delayMs: options.perCallDelayMs };
    await json(`${hubspotUrl}/_emulator/faults`, { body: { ...delay, path: '/crm' } });
    await json(`${qboUrl}/_emulator/faults`, { body: { ...delay, path: '/v3/company' } });
  }
  return {
    hubspot,
    quickbooks,
    hubspotUrl,
    qboUrl,
    async close() {
      await hubspot.close();
      await quickbooks.close();
    },
  };
}
