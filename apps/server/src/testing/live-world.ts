import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createPrismaSyncStore,
  createTokenCipher,
  type Db,
  parseKeyring,
  type TokenCipher,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { createHubSpotEmulator, signatureV3 } from '@ledgersync/hubspot-emulator';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { drainPortal } from '@ledgersync/sync-engine';
// The worker's production wiring is not on its public surface yet; the test borrows it by path.
import { createAdapterPortsFor, workerEnvSchema } from '@ledgersync/worker';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { TEST_CONFIG } from './test-server.ts';

/**
 * The live end-to-end world the server's e2e tests share: a throwaway database, the HubSpot and
 * QBO emulators on loopback with an OAuth app registered, and the server built with the real
 * package gateways against them. Helpers walk a portal through the real OAuth flows.
 */

type HubSpotEmulatorOptions = NonNullable<Parameters<typeof createHubSpotEmulator>[0]>;
type QuickBooksEmulatorOptions = NonNullable<Parameters<typeof createQuickBooksEmulator>[0]>;
type ServerOptions = NonNullable<Parameters<typeof buildServer>[1]>;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface LiveApp {
  clientId: string;
  clientSecret: string;
}

export interface LiveWorldOptions {
  hubspotApp?: LiveApp & { appId: number };
  quickbooksApp?: LiveApp;
  /**
   * Serve on a free loopback port, which becomes the public URL, so the emulators can deliver
   * webhooks to the server; otherwise the public URL is https://ledgersync.test, reached by inject.
   */
  listenOnLoopback?: boolean;
  maxConnections?: number;
  /** Extra HubSpot emulator options (given the public URL); `app` is merged into the registered OAuth app. */
  hubspotEmulator?: (publicUrl: string) => Omit<HubSpotEmulatorOptions, 'app'> & {
    app?: Partial<NonNullable<HubSpotEmulatorOptions['app']>>;
  };
  quickbooksEmulator?: (publicUrl: string) => Partial<QuickBooksEmulatorOptions>;
  /** Changes to the server config built for the world. */
  config?: (config: ServerConfig) => ServerConfig;
  serverOptions?: ServerOptions;
  keys?: string;
}

export interface WebhookEventInput {
  subscriptionType: string;
  objectTypeId?: string;
  objectId: number;
  propertyName?: string;
  propertyValue?: string;
  eventId?: number;
}

/** A HubSpot CRM object as the emulator returns it. */
export interface HubSpotObject {
  id: string;
  properties: Record<string, string>;
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
  const HS = options.hubspotApp ?? {
    clientId: 'e2e-hs-client',
    clientSecret: 'e2e-hs-secret-value',
    appId: 4_100_001,
  };
  const QB = options.quickbooksApp ?? { clientId: 'e2e-qb-client', clientSecret: 'e2e-qb-secret-value' };
  const port = options.listenOnLoopback ? await freePort() : undefined;
  const publicUrl = port === undefined ? 'https://ledgersync.test' : `http://127.0.0.1:${port}`;
  const keys = options.keys ?? `k1:${randomBytes(32).toString('base64')}`;
  const keyring = parseKeyring(keys);
  if (!keyring.ok) throw new Error(keyring.error);
  const cipher: TokenCipher = createTokenCipher(keyring.keys, 'k1');

  const database: TestDatabase = await createTestDatabase();
  const db: Db = createPrismaClient(database.url, { maxConnections: options.maxConnections ?? 4 });
  const { app: appExtra, ...hubspotExtra } = options.hubspotEmulator?.(publicUrl) ?? {};
  const hubspot: FastifyInstance = createHubSpotEmulator({
    rateLimits: false,
    ...hubspotExtra,
    app: {
      appId: HS.appId,
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      redirectUris: [`${publicUrl}/oauth/hubspot/callback`],
      ...appExtra,
    },
  });
  await hubspot.listen({ host: '127.0.0.1', port: 0 });
  const address = hubspot.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const hubspotUrl = `http://127.0.0.1:${address.port}`;
  const qbo = createQuickBooksEmulator({
    rateLimits: false,
    clientId: QB.clientId,
    clientSecret: QB.clientSecret,
    redirectUris: [`${publicUrl}/oauth/quickbooks/callback`],
    ...options.quickbooksEmulator?.(publicUrl),
  });
  const qboUrl = await qbo.listen({ host: '127.0.0.1', port: 0 });
  const baseConfig: ServerConfig = {
    ...TEST_CONFIG,
    publicUrl,
    hubspot: {
      ...TEST_CONFIG.hubspot,
      appId: String(HS.appId),
      clientId: HS.clientId,
      clientSecret: HS.clientSecret,
      authBaseUrl: hubspotUrl,
      scopes: REQUIRED_SCOPE_LIST,
    },
    quickbooks: { ...TEST_CONFIG.quickbooks, clientId: QB.clientId, clientSecret: QB.clientSecret },
  };
  const config = options.config ? options.config(baseConfig) : baseConfig;
  const server: FastifyInstance = await buildServer(
    {
      db,
      cipher,
      config,
      hubspot: createHubSpotPackageGateway({
        basePath: hubspotUrl,
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        redirectUri: `${publicUrl}/oauth/hubspot/callback`,
        now: Date.now,
      }),
      quickbooks: createQuickBooksPackageGateway({
        apiBaseUrl: qboUrl,
        clientId: QB.clientId,
        clientSecret: QB.clientSecret,
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
    const url = `${path}${sep}userId=1&appId=${HS.appId}&portalId=${hubId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    const ts = String(Date.now());
    return server.inject({
      method,
      url,
      headers: {
        'x-hubspot-request-timestamp': ts,
        'x-hubspot-signature-v3': signatureV3(HS.clientSecret, method, `${publicUrl}${url}`, raw, Number(ts)),
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

  /** Connects QBO (R-CON-2) from the signed settings page; `realmId` picks an emulated company. */
  const connectQuickBooks = async (hubId: string, realmId?: string) => {
    const consent = new URL(
      (await signed(hubId, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    if (realmId !== undefined) consent.searchParams.set('realmId', realmId);
    const back = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
    const connected = await server.inject({ method: 'GET', url: local(back) });
    expect(connected.statusCode).toBe(302);
  };

  /** Creates an emulated QuickBooks company (e.g. a non-US one) and returns its realm id. */
  const createQuickBooksCompany = async (input: { companyName: string; country: string }) =>
    (await postJson<{ realmId: string }>(`${qboUrl}/_emulator/realms`, input)).realmId;

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
        appId: HS.appId,
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
          HS.clientSecret,
          'POST',
          `${publicUrl}/webhooks/hubspot`,
          raw,
          Number(ts),
        ),
      },
    });
  };

  /** The worker's environment for this world (production adapters against the emulators). */
  const workerEnv = () =>
    workerEnvSchema.parse({
      DATABASE_URL: database.url,
      TOKEN_ENCRYPTION_KEYS: keys,
      HUBSPOT_CLIENT_ID: HS.clientId,
      HUBSPOT_CLIENT_SECRET: HS.clientSecret,
      HUBSPOT_API_BASE_URL: hubspotUrl,
      QBO_CLIENT_ID: QB.clientId,
      QBO_CLIENT_SECRET: QB.clientSecret,
      QBO_API_BASE_URL: qboUrl,
      QBO_TOKEN_BASE_URL: qboUrl,
    });

  /** Drains the portal's notices the way the worker does, with its production ports. */
  const drain = async (portalId: string, rounds = 5) => {
    const ports = await createAdapterPortsFor(db, workerEnv(), pino({ level: 'silent' }))(portalId);
    if (!ports) throw new Error('the worker found no usable connection');
    const store = createPrismaSyncStore(db);
    for (let i = 0; i < rounds; i++) {
      await drainPortal({ ...ports, store, clock: { now: () => new Date() } }, portalId);
      if ((await db.changeNotice.count({ where: { portalId, processedAt: null } })) === 0) break;
    }
  };

  const close = async () => {
    await server.close();
    await hubspot.close();
    await qbo.close();
    await db.$disconnect();
    await database.drop();
  };

  return {
    HS,
    QB,
    publicUrl,
    keys,
    cipher,
    database,
    db,
    hubspot,
    qbo,
    server,
    hubspotUrl,
    qboUrl,
    signed,
    followTo,
    local,
    postJson,
    installPortal,
    connectQuickBooks,
    createQuickBooksCompany,
    hubspotApi,
    control,
    sendHubSpotWebhook,
    workerEnv,
    drain,
    close,
  };
}

/** A free loopback port: the server's public URL (which webhooks are signed over) must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
