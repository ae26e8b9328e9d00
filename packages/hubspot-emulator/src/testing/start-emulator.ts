import { Client } from '@hubspot/api-client';
import type { FastifyInstance } from 'fastify';
import { createHubSpotEmulator } from '../create-hubspot-emulator.ts';
import type { HubSpotEmulatorOptions } from '../options.ts';

export interface RunningEmulator {
  app: FastifyInstance;
  url: string;
  /** A fresh portal and an installed-app token for it, through the control API (two calls). */
  portalWithClient(scopes?: string[], portal?: Record<string, unknown>): Promise<PortalClient>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface PortalClient {
  portalId: number;
  accessToken: string;
  refreshToken: string;
  client: Client;
}

/** Starts an emulator on a free loopback port for a test file. */
export async function startEmulator(options: HubSpotEmulatorOptions = {}): Promise<RunningEmulator> {
  const app = createHubSpotEmulator(options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    app,
    url,
    post,
    async portalWithClient(scopes, portal = {}) {
      const { portalId } = (await (await post('/_emulator/portals', portal)).json()) as { portalId: number };
      const token = (await (
        await post('/_emulator/tokens', { portalId, ...(scopes ? { scopes } : {}) })
      ).json()) as {
        access_token: string;
        refresh_token: string;
      };
      const client = new Client({ accessToken: token.access_token, basePath: url });
      return { portalId, accessToken: token.access_token, refreshToken: token.refresh_token, client };
    },
    close: () => app.close(),
  };
}

/** The body of an `ApiException` from the SDK (its `body` is the raw parsed JSON). */
export async function sdkError(
  p: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: number; body: Record<string, unknown> };
    return { code: e.code, body: e.body };
  }
  throw new Error('expected the call to fail');
}
