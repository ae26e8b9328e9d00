import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createHubSpotInstallationRepository,
  createPrismaClient,
  createQuickBooksConnectionRepository,
  createTokenCipher,
  type Db,
} from '@ledgersync/db';
import { createTestDatabase, type TestDatabase } from '@ledgersync/db/testing';
import { REQUIRED_SCOPE_LIST } from '@ledgersync/hubspot';
import { createHubSpotEmulator, signatureV3 } from '@ledgersync/hubspot-emulator';
import { intuitEndpointsAt } from '@ledgersync/quickbooks';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { createAdapterPortsFor, startWorker, workerEnvSchema } from '@ledgersync/worker';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { createHubSpotPackageGateway } from '../adapters/hubspot-package-gateway.ts';
import { createQuickBooksPackageGateway } from '../adapters/quickbooks-package-gateway.ts';
import { buildServer } from '../build-server.ts';
import type { ServerConfig } from '../server-config.ts';
import { TEST_CONFIG } from '../testing/test-server.ts';
import { captureLogs, leaks } from './capture-logs.ts';

const PUBLIC_URL = 'https://ledgersync.test';
const HS = { clientId: 'sec-hs-client', clientSecret: 'sec-hs-secret-9f2c7e', appId: 4_100_002 };
const QB = { clientId: 'sec-qb-client', clientSecret: 'sec-qb-secret-4b8d1a' };
const KEY = randomBytes(32);
const KEYS = `k1:${KEY.toString('base64')}`;
const STATE_SECRET = `state-secret-${randomBytes(16).toString('hex')}`;
const VERIFIER = `verifier-${randomBytes(12).toString('hex')}`;

/**
 * Secrets end to end (W11): a full install → connect → sync → disconnect → uninstall
 * through the real server, the real worker (graphile-worker, production adapters) and both
 * emulators, at trace level. Every token that ever existed is then searched for in the logs of
 * both, in every response, and in every column of every table.
 */
describe('secrets: encrypted at rest, never logged, never returned', () => {
  let database: TestDatabase;
  let db: Db;
  let hubspot: FastifyInstance;
  let qbo: Awaited<ReturnType<typeof createQuickBooksEmulator>>;
  let server: FastifyInstance;
  let hubspotUrl: string;
  let qboUrl: string;
  const serverLogs = captureLogs();
  const workerLogs = captureLogs();
  const responses: string[] = [];
  const tokens: Record<string, string> = {};
  const cipher = createTokenCipher(new Map([['k1', KEY]]), 'k1');

  const record = (res: LightMyRequestResponse) => {
    responses.push(`${JSON.stringify(res.headers)}\n${res.body}`);
    return res;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createPrismaClient(database.url, { maxConnections: 6 });
    hubspot = createHubSpotEmulator({
      rateLimits: false,
      app: {
        appId: HS.appId,
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        redirectUris: [`${PUBLIC_URL}/oauth/hubspot/callback`],
      },
    });
    await hubspot.listen({ host: '127.0.0.1', port: 0 });
    const address = hubspot.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    hubspotUrl = `http://127.0.0.1:${address.port}`;
    qbo = createQuickBooksEmulator({
      rateLimits: false,
      clientId: QB.clientId,
      clientSecret: QB.clientSecret,
      redirectUris: [`${PUBLIC_URL}/oauth/quickbooks/callback`],
    });
    qboUrl = await qbo.listen({ host: '127.0.0.1', port: 0 });
    const config: ServerConfig = {
      ...TEST_CONFIG,
      publicUrl: PUBLIC_URL,
      stateSigningSecret: STATE_SECRET,
      webhookDebounceMs: 0,
      hubspot: {
        ...TEST_CONFIG.hubspot,
        appId: String(HS.appId),
        clientId: HS.clientId,
        clientSecret: HS.clientSecret,
        authBaseUrl: hubspotUrl,
        scopes: REQUIRED_SCOPE_LIST,
      },
      quickbooks: {
        ...TEST_CONFIG.quickbooks,
        clientId: QB.clientId,
        clientSecret: QB.clientSecret,
        webhookVerifierToken: VERIFIER,
      },
    };
    server = await buildServer(
      {
        db,
        cipher,
        config,
        hubspot: createHubSpotPackageGateway({
          basePath: hubspotUrl,
          clientId: HS.clientId,
          clientSecret: HS.clientSecret,
          redirectUri: `${PUBLIC_URL}/oauth/hubspot/callback`,
          now: Date.now,
        }),
        quickbooks: createQuickBooksPackageGateway({
          apiBaseUrl: qboUrl,
          clientId: QB.clientId,
          clientSecret: QB.clientSecret,
          redirectUri: `${PUBLIC_URL}/oauth/quickbooks/callback`,
          environment: 'sandbox',
          endpoints: intuitEndpointsAt(qboUrl),
        }),
      },
      { logger: { level: 'trace', stream: serverLogs.stream }, rateLimit: false },
    );
  });
  afterAll(async () => {
    await server?.close();
    await hubspot?.close();
    await qbo?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  const signed = async (
    hubId: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ) => {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}userId=1&appId=${HS.appId}&portalId=${hubId}`;
    const raw = body === undefined ? '' : JSON.stringify(body);
    await new Promise((r) => setTimeout(r, 2)); // a fresh signature per call, as HubSpot's proxy makes
    const ts = String(Date.now());
    return record(
      await server.inject({
        method,
        url,
        headers: {
          'x-hubspot-request-timestamp': ts,
          'x-hubspot-signature-v3': signatureV3(
            HS.clientSecret,
            method,
            `${PUBLIC_URL}${url}`,
            raw,
            Number(ts),
          ),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: raw }),
      }),
    );
  };
  const followTo = async (url: string): Promise<URL> => {
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  };
  const local = (u: URL) => `${u.pathname}${u.search}`;
  const remember = async (portalId: string, when: string) => {
    const hs = await createHubSpotInstallationRepository(db, cipher).find(portalId);
    const qb = await createQuickBooksConnectionRepository(db, cipher).find(portalId);
    if (hs) {
      tokens[`HubSpot access token (${when})`] = hs.tokens.accessToken;
      tokens[`HubSpot refresh token (${when})`] = hs.tokens.refreshToken;
    }
    if (qb?.tokens) {
      tokens[`QBO access token (${when})`] = qb.tokens.accessToken;
      tokens[`QBO refresh token (${when})`] = qb.tokens.refreshToken;
    }
  };
  /** Every column of every row of every table (ours and the job queue's), as text. */
  const everyRow = async () => {
    const tables = await db.$queryRaw<{ s: string; t: string }[]>`
      SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'`;
    const parts: string[] = [];
    for (const { s, t } of tables) {
      const rows = await db.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(x)::text AS row FROM "${s}"."${t}" x`,
      );
      parts.push(...rows.map((r) => r.row));
    }
    return { tables: tables.length, text: parts.join('\n') };
  };

  it('a whole portal life through server and worker leaves no plaintext secret anywhere', async () => {
    // Install (R-CON-1) through HubSpot's consent.
    const { portalId: hubIdNumber } = (await (
      await fetch(`${hubspotUrl}/_emulator/portals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tier: 'professional' }),
      })
    ).json()) as { portalId: number };
    const hubId = String(hubIdNumber);
    const install = record(await server.inject({ method: 'GET', url: '/oauth/hubspot/install' }));
    const authorize = new URL(install.headers.location as string);
    authorize.searchParams.set('portalId', hubId);
    authorize.searchParams.set('approve', '1');
    const back = await followTo(authorize.toString());
    tokens['HubSpot authorization code'] = back.searchParams.get('code') ?? '';
    expect(record(await server.inject({ method: 'GET', url: local(back) })).statusCode).toBe(302);
    const portal = await db.portal.findUniqueOrThrow({ where: { hubId: BigInt(hubId) } });
    await remember(portal.id, 'install');

    // Connect QBO (R-CON-2).
    const consent = new URL(
      (await signed(hubId, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    tokens['QBO OAuth state'] = consent.searchParams.get('state') ?? '';
    const qboBack = await followTo(`${qboUrl}/connect/oauth2/approve${consent.search}`);
    tokens['QBO authorization code'] = qboBack.searchParams.get('code') ?? '';
    expect(record(await server.inject({ method: 'GET', url: local(qboBack) })).statusCode).toBe(302);
    await remember(portal.id, 'connect');

    for (const object of ['contacts', 'products']) {
      await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true });
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    await signed(hubId, 'PUT', '/api/v1/settings/objects/invoices', { enabled: true, direction: 'two_way' });

    // A contact made in HubSpot; its webhook reaches the server; the real worker drains the job.
    const created = await fetch(`${hubspotUrl}/crm/v3/objects/contacts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens['HubSpot access token (connect)']}`,
      },
      body: JSON.stringify({ properties: { email: 'sec@example.com', firstname: 'Sec', lastname: 'Ret' } }),
    });
    const contact = (await created.json()) as { id: string };
    const raw = JSON.stringify([
      {
        eventId: 1,
        subscriptionId: 1,
        portalId: Number(hubId),
        appId: HS.appId,
        occurredAt: Date.now(),
        subscriptionType: 'contact.creation',
        objectTypeId: '0-1',
        objectId: Number(contact.id),
      },
    ]);
    const ts = String(Date.now());
    const webhook = record(
      await server.inject({
        method: 'POST',
        url: '/webhooks/hubspot',
        payload: raw,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-request-timestamp': ts,
          'x-hubspot-signature-v3': signatureV3(
            HS.clientSecret,
            'POST',
            `${PUBLIC_URL}/webhooks/hubspot`,
            raw,
            Number(ts),
          ),
        },
      }),
    );
    expect(webhook.json()).toMatchObject({ stored: 1 });

    const env = workerEnvSchema.parse({
      DATABASE_URL: database.url,
      TOKEN_ENCRYPTION_KEYS: KEYS,
      HUBSPOT_CLIENT_ID: HS.clientId,
      HUBSPOT_CLIENT_SECRET: HS.clientSecret,
      HUBSPOT_API_BASE_URL: hubspotUrl,
      QBO_CLIENT_ID: QB.clientId,
      QBO_CLIENT_SECRET: QB.clientSecret,
      QBO_API_BASE_URL: qboUrl,
      QBO_TOKEN_BASE_URL: qboUrl,
    });
    // No redaction on purpose: the worker must not hand a token to its logger at all.
    const log = pino({ level: 'trace' }, workerLogs.stream);
    const worker = await startWorker({
      databaseUrl: database.url,
      db,
      concurrency: 1,
      debounceMs: 0,
      pollEveryMinutes: 0,
      pollIntervalMs: 200,
      portsFor: createAdapterPortsFor(db, env, log),
      logFactory: (scope) => (level, message, meta) =>
        log[level === 'warning' ? 'warn' : level]({ scope, meta }, message),
    });
    try {
      for (let i = 0; i < 100; i++) {
        const open = await db.changeNotice.count({ where: { portalId: portal.id, processedAt: null } });
        if (open === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await worker.stop();
    }
    expect(await db.changeNotice.count({ where: { portalId: portal.id, processedAt: null } })).toBe(0);
    const synced = await db.recordLink.findFirst({ where: { portalId: portal.id, hubspotId: contact.id } });
    expect(synced?.status).toBe('synced');
    await remember(portal.id, 'after sync');

    // At rest: the token columns hold envelopes; no plaintext token in any column of any table.
    const rows = await everyRow();
    expect(rows.tables).toBeGreaterThan(10);
    const tokenValues = Object.fromEntries(Object.entries(tokens).filter(([k]) => k.includes('token (')));
    expect(Object.keys(tokenValues).length).toBeGreaterThanOrEqual(4);
    expect(leaks(rows.text, tokenValues)).toEqual([]);
    expect(rows.text).toMatch(/"accessToken":"v1\.k1\./);

    // The read side and the export, then disconnect and uninstall, all at trace level.
    for (const path of [
      '/api/v1/settings',
      '/api/v1/overview',
      '/api/v1/records',
      '/api/v1/settings/field-catalogue',
    ]) {
      expect((await signed(hubId, 'GET', path)).statusCode).toBe(200);
    }
    await signed(hubId, 'GET', '/api/v1/exports/historical-invoices.csv');
    record(
      await server.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${TEST_CONFIG.metricsToken}` },
      }),
    );
    record(await server.inject({ method: 'GET', url: '/docs/json' }));
    record(await server.inject({ method: 'GET', url: '/readyz' }));
    expect((await signed(hubId, 'DELETE', '/api/v1/connections/quickbooks')).statusCode).toBe(200);
    expect((await signed(hubId, 'POST', '/api/v1/app/uninstall')).statusCode).toBe(200);

    const secrets: Record<string, string> = {
      ...tokens,
      'HubSpot client secret': HS.clientSecret,
      'QBO client secret': QB.clientSecret,
      'Intuit verifier token': VERIFIER,
      'state signing secret': STATE_SECRET,
      'encryption key (base64)': KEY.toString('base64'),
      'encryption key (hex)': KEY.toString('hex'),
      'encryption keyring': KEYS,
    };
    expect(serverLogs.lines.length).toBeGreaterThan(20);
    expect(workerLogs.lines.length).toBeGreaterThan(5);
    expect(leaks(serverLogs.text(), secrets)).toEqual([]);
    expect(leaks(workerLogs.text(), secrets)).toEqual([]);
    // The connect response hands the UI its state inside the authorize URL: that one is by design.
    const { 'QBO OAuth state': _handedToTheUi, ...notForResponses } = secrets;
    expect(leaks(responses.join('\n'), notForResponses)).toEqual([]);
    console.info(
      `secrets searched: ${Object.keys(secrets).length}, in ${serverLogs.lines.length} server and ${workerLogs.lines.length} worker log lines, ${responses.length} responses, ${rows.tables} tables`,
    );
    // Two emulators, graphile-worker start-up (its schema) and a real drain: more than the 30 s default under load.
  }, 90_000);
});
