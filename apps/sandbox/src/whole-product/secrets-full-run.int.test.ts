import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHubSpotInstallationRepository, createQuickBooksConnectionRepository } from '@ledgersync/db';
import {
  captureLogs,
  type LiveWorld,
  leaks,
  openConnectLink,
  startLiveWorld,
  TEST_CONFIG,
} from '@ledgersync/server/testing';
import { startWorker } from '@ledgersync/worker';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';

const HS = { clientId: 'sec-hs-client', clientSecret: 'sec-hs-secret-9f2c7e', appId: 4_100_002 };
const QB = { clientId: 'sec-qb-client', clientSecret: 'sec-qb-secret-4b8d1a' };
const KEY = randomBytes(32);
const KEYS = `k1:${KEY.toString('base64')}`;
const STATE_SECRET = `state-secret-${randomBytes(16).toString('hex')}`;
const VERIFIER = `verifier-${randomBytes(12).toString('hex')}`;

/**
 * Secrets end to end: a full install → connect → sync → disconnect → uninstall
 * through the real server, the real worker (graphile-worker, production adapters) and both
 * emulators, at trace level. Every token that ever existed is then searched for in the logs of
 * both, in every response, and in every column of every table.
 */
describe('secrets: encrypted at rest, never logged, never returned', () => {
  let world: LiveWorld;
  const serverLogs = captureLogs();
  const workerLogs = captureLogs();
  const responses: string[] = [];
  const tokens: Record<string, string> = {};

  const record = (res: LightMyRequestResponse) => {
    responses.push(`${JSON.stringify(res.headers)}\n${res.body}`);
    return res;
  };

  beforeAll(async () => {
    world = await startLiveWorld({
      hubspotApp: HS,
      quickbooksApp: QB,
      keys: KEYS,
      maxConnections: 6,
      config: (config) => ({
        ...config,
        stateSigningSecret: STATE_SECRET,
        webhookDebounceMs: 0,
        quickbooks: { ...config.quickbooks, webhookVerifierToken: VERIFIER },
      }),
      serverOptions: { logger: { level: 'trace', stream: serverLogs.stream }, rateLimit: false },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  const signed = async (
    hubId: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ) => {
    await new Promise((r) => setTimeout(r, 2)); // a fresh signature per call, as HubSpot's proxy makes
    return record(await world.signed(hubId, method, path, body));
  };
  const remember = async (portalId: string, when: string) => {
    const hs = await createHubSpotInstallationRepository(world.db, world.cipher).find(portalId);
    const qb = await createQuickBooksConnectionRepository(world.db, world.cipher).find(portalId);
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
    const tables = await world.db.$queryRaw<{ s: string; t: string }[]>`
      SELECT table_schema AS s, table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'`;
    const parts: string[] = [];
    for (const { s, t } of tables) {
      const rows = await world.db.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(x)::text AS row FROM "${s}"."${t}" x`,
      );
      parts.push(...rows.map((r) => r.row));
    }
    return { tables: tables.length, text: parts.join('\n') };
  };

  it('a whole portal life through server and worker leaves no plaintext secret anywhere', async () => {
    const { db, server, followTo, local, hubspotUrl, qboUrl } = world;
    // Install (R-CON-1) through HubSpot's consent.
    const { portalId: hubIdNumber } = await world.postJson<{ portalId: number }>(
      `${hubspotUrl}/_emulator/portals`,
      { tier: 'professional' },
    );
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

    // Connect QBO (R-CON-2): the admin's browser opens the connect link, which binds it with a cookie.
    const browser = await openConnectLink(
      server,
      (await signed(hubId, 'POST', '/api/v1/connections/quickbooks')).json().authorizeUrl,
    );
    tokens['QBO OAuth state'] = browser.state;
    tokens['QBO connect cookie'] = browser.cookie.split('.')[1] ?? '';
    const qboBack = await followTo(`${qboUrl}/connect/oauth2/approve${browser.consent.search}`);
    tokens['QBO authorization code'] = qboBack.searchParams.get('code') ?? '';
    expect(
      record(await server.inject({ method: 'GET', url: local(qboBack), headers: { cookie: browser.cookie } }))
        .statusCode,
    ).toBe(302);
    await remember(portal.id, 'connect');

    for (const object of ['customer', 'product']) {
      await signed(hubId, 'PUT', `/api/v1/settings/objects/${object}`, { enabled: true });
    }
    const accounts = (await signed(hubId, 'GET', '/api/v1/settings/income-accounts')).json().accounts;
    await signed(hubId, 'PUT', '/api/v1/settings/custom-line-item-account', { accountId: accounts[0].id });
    await signed(hubId, 'PUT', '/api/v1/settings/objects/invoice', { enabled: true, direction: 'two_way' });

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
    const webhook = record(
      await world.sendHubSpotWebhook(hubId, [
        { subscriptionType: 'contact.creation', objectTypeId: '0-1', objectId: Number(contact.id) },
      ]),
    );
    expect(webhook.json()).toMatchObject({ stored: 1 });

    // No redaction on purpose: the worker must not hand a token to its logger at all.
    const log = pino({ level: 'trace' }, workerLogs.stream);
    const worker = await startWorker({
      databaseUrl: world.databaseUrl,
      db,
      concurrency: 1,
      debounceMs: 0,
      pollEveryMinutes: 0,
      pollIntervalMs: 200,
      portsFor: world.portsFor,
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
    // The connect cookie's nonce is stored as a hash only.
    expect(tokens['QBO connect cookie']).toMatch(/^[\w-]{43}$/);
    expect(leaks(rows.text, { 'QBO connect cookie': tokens['QBO connect cookie'] ?? '' })).toEqual([]);

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
    // The connect response hands the UI its state inside the authorize URL, and the connect link
    // sets its cookie in the admin's browser: those are by design.
    const {
      'QBO OAuth state': _handedToTheUi,
      'QBO connect cookie': _setInTheBrowser,
      ...notForResponses
    } = secrets;
    expect(leaks(responses.join('\n'), notForResponses)).toEqual([]);
    console.info(
      `secrets searched: ${Object.keys(secrets).length}, in ${serverLogs.lines.length} server and ${workerLogs.lines.length} worker log lines, ${responses.length} responses, ${rows.tables} tables`,
    );
    // Two emulators, graphile-worker start-up (its schema) and a real drain: more than the 30 s default under load.
  }, 90_000);
});
