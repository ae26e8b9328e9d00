import { createServer } from 'node:net';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { createHubSpotInstallationRepository } from '@ledgersync/db';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { signatureV3 } from '@ledgersync/hubspot-emulator';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { startTestWorld, type TestWorldOptions } from '@ledgersync/test-world';
import type { FastifyInstance } from 'fastify';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { openConnectLink } from './connect-in-browser.ts';
import { TEST_CONFIG } from './test-server.ts';

/**
 * The test world (@ledgersync/test-world) with the server built on it, with the real package
 * gateways against the emulators: signed `hubspot.fetch` requests, webhook delivery, and a
 * portal walked through the server's own OAuth routes.
 */

type ServerOptions = NonNullable<Parameters<typeof buildServer>[1]>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface LiveWorldOptions
  extends Pick<TestWorldOptions, 'hubspotApp' | 'quickbooksApp' | 'keys' | 'maxConnections'> {
  /**
   * Serve on a free loopback port, which becomes the public URL, so the emulators can deliver
   * webhooks to the server; otherwise the public URL is https://ledgersync.test, reached by inject.
   */
  listenOnLoopback?: boolean;
  /** Extra HubSpot emulator options, given the public URL; `app` is merged into the registered OAuth app. */
  hubspotEmulator?: (publicUrl: string) => TestWorldOptions['hubspotEmulator'];
  quickbooksEmulator?: (publicUrl: string) => TestWorldOptions['quickbooksEmulator'];
  /** Changes to the server config built for the world. */
  config?: (config: ServerConfig) => ServerConfig;
  serverOptions?: ServerOptions;
}

export interface WebhookEventInput {
  subscriptionType: string;
  objectTypeId?: string;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
  eventId?: number;
}

export type LiveWorld = Awaited<ReturnType<typeof startLiveWorld>>;

/** Starts one live world for the calling test file (beforeAll) and closes it (afterAll). */
export function useLiveWorld(options: LiveWorldOptions = {}): () => LiveWorld {
  let world: LiveWorld | undefined;
  beforeAll(async () => {
    world = await startLiveWorld(options);
  });
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('the live world is not started (call useLiveWorld at the top of the file)');
    return world;
  };
}

export async function startLiveWorld(options: LiveWorldOptions = {}) {
  const port = options.listenOnLoopback ? await freePort() : undefined;
  const publicUrl = port === undefined ? 'https://ledgersync.test' : `http://127.0.0.1:${port}`;
  const hubspotEmulator = options.hubspotEmulator?.(publicUrl);
  const quickbooksEmulator = options.quickbooksEmulator?.(publicUrl);
  const world = await startTestWorld({
    publicUrl,
    ...(options.hubspotApp ? { hubspotApp: options.hubspotApp } : {}),
    ...(options.quickbooksApp ? { quickbooksApp: options.quickbooksApp } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    ...(hubspotEmulator ? { hubspotEmulator } : {}),
    ...(quickbooksEmulator ? { quickbooksEmulator } : {}),
  });
  const { db, cipher, hubspotApp, quickbooksApp, hubspotUrl, qboUrl } = world;
  const baseConfig: ServerConfig = {
    ...TEST_CONFIG,
    publicUrl,
    hubspot: {
      ...TEST_CONFIG.hubspot,
      appId: String(hubspotApp.appId),
      clientId: hubspotApp.clientId,
      clientSecret: hubspotApp.clientSecret,
      authBaseUrl: hubspotUrl,
      scopes: REQUIRED_SCOPE_LIST,
    },
    quickbooks: {
      ...TEST_CONFIG.quickbooks,
      clientId: quickbooksApp.clientId,
      clientSecret: quickbooksApp.clientSecret,
    },
  };
  const config = options.config ? options.config(baseConfig) : baseConfig;
  const server: FastifyInstance = await buildServer(
    {
      db,
      cipher,
      config,
      hubspot: createHubSpotPackageGateway({
        basePath: hubspotUrl,
        clientId: hubspotApp.clientId,
        clientSecret: hubspotApp.clientSecret,
        redirectUri: `${publicUrl}/oauth/hubspot/callback`,
        now: Date.now,
      }),
      quickbooks: createQuickBooksPackageGateway({
        apiBaseUrl: qboUrl,
        clientId: quickbooksApp.clientId,
        clientSecret: quickbooksApp.clientSecret,
        redirectUri: `${publicUrl}/oauth/quickbooks/callback`,
        environment: 'sandbox',
        endpoints: intuitEndpointsAt(qboUrl),
      }),
    },
    options.serverOptions ?? { logger: { level: 'error' } },
  );
  if (port !== undefined) await server.listen({ host: '127.0.0.1', port });

  /** A request from HubSpot's proxy: the app's query parameters and a v3 signature over the public URL. */
  const signed = (hubId: string, method: Method, path: string, body?: unknown) => {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}userId=1&appId=${hubspotApp.appId}&portalId=${hubId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const ts = String(Date.now());
    return server.inject({
      method,
      url,
      headers: {
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          hubspotApp.clientSecret,
          method,
          `${publicUrl}${url}`,
          raw,
          Number(ts),
        ),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: raw }),
    });
  };
  const followTo = async (url: string): Promise<URL> => {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  };
  const local = (u: URL) => `${u.pathname}${u.search}`;
  const postJson = async <T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> =>
    (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
    ).json()) as T;

  /** Installs the app (R-CON-1) on a fresh emulated portal: our redirect, HubSpot's consent, our callback. */
  const installPortal = async (tier = 'professional') => {
    const { portalId: hubIdNumber } = await postJson<{ portalId: number }>(
      `${hubspotUrl}/_emulator/portals`,
      {
        tier,
      },
    );
    const hubId = String(hubIdNumber);
    const install = await server.inject({ method: 'GET', url: '/oauth/hubspot/install' });
    const authorize = new URL(install.headers.location as string);
    authorize.searchParams.set('portalId', hubId);
    authorize.searchParams.set('approve', '1');
    const installed = await server.inject({
      method: 'GET',
      url: local(await followTo(authorize.toString())),
    });
    expect(installed.statusCode).toBe(302);
    const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });
    return { hubId, portalId: portal.id, portal };
  };

  /**
   * Connects QBO (R-CON-2) as the admin does: the signed settings page gets the connect link, the
   * admin's browser opens it (the state is bound to it), approves at Intuit and lands on the
   * callback with its cookie. `realmId` picks an emulated company.
   */
  const connectQuickBooks = async (hubId: string, realmId?: string) => {
    const browser = await openConnectLink(
      server,
      (await signed(hubId, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    const consent = new URL(browser.consent);
    if (realmId !== undefined) consent.searchParams.set('realmId', realmId);
    const back = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
    const connected = await server.inject({
      method: 'GET',
      url: local(back),
      headers: { cookie: browser.cookie },
    });
    expect(connected.statusCode).toBe(302);
  };

  /** HubSpot's API as the installed app (the portal's stored access token). */
  const hubspotApi = async (portalId: string) => {
    const token = (await createHubSpotInstallationRepository(db, cipher).find(portalId))?.tokens.accessToken;
    return <T>(path: string, body: unknown): Promise<T> =>
      postJson<T>(`${hubspotUrl}${path}`, body, { authorization: `Bearer ${token}` });
  };
  /** The HubSpot emulator's control API. */
  const control = <T>(path: string, body: unknown = {}): Promise<T> =>
    postJson<T>(`${hubspotUrl}/_emulator${path}`, body);

  /** A signed HubSpot webhook batch for one portal, delivered to the server. */
  const sendHubSpotWebhook = (hubId: string, events: WebhookEventInput[]) => {
    const raw = JSON.stringify(
      events.map((event, i) => ({
        eventId: i + 1,
        subscriptionId: 1,
        portalId: Number(hubId),
        appId: hubspotApp.appId,
        occurredAt: Date.now(),
        ...event,
      })),
    );
    const ts = String(Date.now());
    return server.inject({
      method: 'POST',
      url: '/webhooks/hubspot',
      payload: raw,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(
          hubspotApp.clientSecret,
          'POST',
          `${publicUrl}/webhooks/hubspot`,
          raw,
          Number(ts),
        ),
      },
    });
  };

  return {
    ...world,
    server,
    signed,
    followTo,
    local,
    postJson,
    installPortal,
    connectQuickBooks,
    hubspotApi,
    control,
    sendHubSpotWebhook,
    async close() {
      await server.close();
      await world.close();
    },
  };
}

/** A free loopback port: the server's public URL (which webhooks are signed over) must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise((resolve) => probe.close(resolve));
  return address.port;
}
