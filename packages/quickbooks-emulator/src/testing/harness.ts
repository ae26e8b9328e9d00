import type { Clock } from '../core/clock.ts';
import { createQuickBooksEmulator, type QuickBooksEmulator } from '../create-emulator.ts';
import type { QuickBooksEmulatorOptions } from '../options.ts';

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary QBO JSON
  body: any;
  headers: Record<string, unknown>;
  raw: string;
}

export interface Harness {
  app: QuickBooksEmulator;
  baseUrl: string;
  realmId: string;
  token: string;
  api(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** A manually driven clock for tests. */
export class TestClock implements Clock {
  constructor(private t = Date.parse('2026-03-02T17:00:00Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  tick(ms: number): void {
    this.t += ms;
  }
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

async function call(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<ApiResponse> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    if (typeof body !== 'string' && !headers['content-type']) {
      init.headers = { 'content-type': 'application/json', ...headers };
    }
  }
  const res = await fetch(url, init);
  const raw = await res.text();
  return { status: res.status, body: parse(raw), headers: Object.fromEntries(res.headers), raw };
}

/** An emulator on a free loopback port with one realm and a working access token. */
export async function startHarness(
  options: QuickBooksEmulatorOptions = {},
  realm: Record<string, unknown> = {},
): Promise<Harness> {
  const app = createQuickBooksEmulator({ rateLimits: false, ...options });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const control: Harness['control'] = (method, path, body) =>
    call(`${baseUrl}/_emulator${path}`, method, body, {});
  const realmId = (await control('POST', '/realms', realm)).body.realmId as string;
  const token = (await control('POST', '/tokens', { realmId })).body.access_token as string;
  const api: Harness['api'] = (method, path, body, headers = {}) =>
    call(`${baseUrl}/v3/company/${realmId}${path}`, method, body, {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...headers,
    });
  return { app, baseUrl, realmId, token, api, control, close: () => app.close() };
}

export async function seedBasics(h: Harness): Promise<{ customerId: string; itemId: string }> {
  const c = await h.api('POST', '/customer', {
    DisplayName: 'Amy Bird',
    PrimaryEmailAddr: { Address: 'amy@example.com' },
  });
  const i = await h.api('POST', '/item', {
    Name: 'Design',
    Type: 'Service',
    UnitPrice: 75,
    IncomeAccountRef: { value: '1' },
  });
  return { customerId: c.body.Customer.Id, itemId: i.body.Item.Id };
}
