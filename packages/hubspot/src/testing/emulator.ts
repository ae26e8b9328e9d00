import { createHubSpotEmulator } from '@ledgersync/hubspot-emulator';
import {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientOptions,
} from '../http/create-hubspot-client.ts';
import { RateLimiterRegistry } from '../http/rate-limiter.ts';

/**
 * Virtual time shared by the emulator and the adapter: the adapter's `sleep` moves the clock
 * instead of waiting, so rate-limit windows pass instantly and tests stay fast and deterministic.
 */
export class VirtualClock {
  private t = Date.parse('2026-03-02T09:00:00.000Z');
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
  sleep = async (ms: number): Promise<void> => {
    this.t += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  };
}

export interface TestHubSpot {
  url: string;
  clock: VirtualClock;
  control(path: string, body: unknown): Promise<unknown>;
  get(path: string): Promise<unknown>;
  newPortal(scopes?: string[]): Promise<{ portalId: string; accessToken: string; refreshToken: string }>;
  client(
    portal: { portalId: string; accessToken: string },
    extra?: Partial<HubSpotClientOptions> & { tenSecondly?: number; searchPerSecond?: number },
  ): HubSpotClient;
  close(): Promise<void>;
}

export async function startTestHubSpot(
  options: Parameters<typeof createHubSpotEmulator>[0] = {},
): Promise<TestHubSpot> {
  const clock = new VirtualClock();
  const app = createHubSpotEmulator({ clock, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('emulator has no port');
  const url = `http://127.0.0.1:${address.port}`;
  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  return {
    url,
    clock,
    control,
    get: async (path) => (await fetch(`${url}${path}`)).json(),
    async newPortal(scopes) {
      const { portalId } = (await control('/_emulator/portals', {})) as { portalId: number };
      const token = (await control('/_emulator/tokens', { portalId, ...(scopes ? { scopes } : {}) })) as {
        access_token: string;
        refresh_token: string;
      };
      return {
        portalId: String(portalId),
        accessToken: token.access_token,
        refreshToken: token.refresh_token,
      };
    },
    client(portal, extra = {}) {
      const registry = new RateLimiterRegistry({
        now: clock.now,
        sleep: clock.sleep,
        ...(extra.tenSecondly ? { tenSecondly: extra.tenSecondly } : {}),
        ...(extra.searchPerSecond ? { searchPerSecond: extra.searchPerSecond } : {}),
      });
      return createHubSpotClient({
        basePath: url,
        portalId: portal.portalId,
        accessToken: async () => portal.accessToken,
        rateLimiter: registry.forPortal(portal.portalId),
        sleep: clock.sleep,
        random: () => 0.5,
        ...extra,
      });
    },
    close: () => app.close(),
  };
}
