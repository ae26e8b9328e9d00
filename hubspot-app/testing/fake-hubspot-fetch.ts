// Stands in for the HubSpot host behind `hubspot.fetch`, which the SDK forwards to
// `self.hsFetch`: the one boundary these tests mock. Routes answer like the LedgerSync backend.

export const BACKEND_URL = 'https://ledgersync.test';

export interface FetchCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Reply = { status?: number; body?: unknown } | 'hang' | 'network_error';
type Handler = (call: FetchCall) => Reply | Promise<Reply>;

export interface FakeHubSpotFetch {
  calls: FetchCall[];
  on(method: string, path: string | RegExp, handler: Handler | Reply): void;
  callsTo(method: string, path: string | RegExp): FetchCall[];
  /** Resolves once `count` calls have been made (the renderer's waitFor only re-checks on renders). */
  whenCalls(count: number): Promise<void>;
}

export function installFakeHubSpotFetch(): FakeHubSpotFetch {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const calls: FetchCall[] = [];
  const matches = (path: string | RegExp, actual: string) =>
    typeof path === 'string' ? path === actual : path.test(actual);

  const hsFetch = async (url: string, options?: { method?: string; body?: unknown }): Promise<Response> => {
    const parsed = new URL(url);
    if (parsed.origin !== BACKEND_URL) throw new Error(`fetch outside permittedUrls: ${url}`);
    const call = {
      method: options?.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      body: options?.body,
    };
    calls.push(call);
    // Latest registration wins, so a test can change an answer halfway through.
    const route = [...routes].reverse().find((r) => r.method === call.method && matches(r.path, call.path));
    if (!route)
      return json(404, { error: { code: 'not_found', message: `No route ${call.method} ${call.path}` } });
    const reply = await route.handler(call);
    if (reply === 'hang') return new Promise<Response>(() => {});
    if (reply === 'network_error') throw new TypeError('fetch failed');
    return json(reply.status ?? 200, reply.body ?? {});
  };
  const host = globalThis as unknown as { self?: unknown; hsFetch?: unknown };
  host.self = globalThis;
  host.hsFetch = hsFetch;

  return {
    calls,
    on(method, path, handler) {
      routes.push({ method, path, handler: typeof handler === 'function' ? handler : () => handler });
    },
    async whenCalls(count) {
      for (let i = 0; i < 200 && calls.length < count; i++) await new Promise((r) => setTimeout(r, 5));
      if (calls.length < count) throw new Error(`expected ${count} calls, saw ${calls.length}`);
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method && matches(path, c.path));
    },
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
