import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createBackendClient, describeBackendError, type HubSpotFetch } from './backend-client.ts';

const ok = z.object({ ok: z.literal(true) });
const reply = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe('backend client over hubspot.fetch', () => {
  it('joins the base URL and path, sends method, body and a timeout, and validates the answer', async () => {
    const seen: unknown[] = [];
    const fetch: HubSpotFetch = async (url, options) => {
      seen.push({ url, options });
      return new Response(JSON.stringify({ ok: true }));
    };
    const client = createBackendClient({ fetch, baseUrl: 'https://api.test/', timeoutMs: 500 });
    expect(await client.request('POST', '/x', ok, { a: 1 })).toEqual({ ok: true, data: { ok: true } });
    expect(seen).toEqual([
      { url: 'https://api.test/x', options: { method: 'POST', timeout: 500, body: { a: 1 } } },
    ]);
  });

  it('gives up after the timeout', async () => {
    const client = createBackendClient({
      fetch: () => new Promise(() => {}),
      baseUrl: 'https://a',
      timeoutMs: 20,
    });
    const result = await client.request('GET', '/slow', ok);
    expect(result).toEqual({ ok: false, error: { kind: 'timeout' } });
    if (!result.ok) expect(describeBackendError(result.error)).toContain('too long');
  });

  it('maps a rejected fetch, 5xx, 4xx with a problem, 409 not_connected and a bad body', async () => {
    const run = (fetch: HubSpotFetch) =>
      createBackendClient({ fetch, baseUrl: 'https://a' }).request('GET', '/', ok);
    expect(await run(() => Promise.reject(new TypeError('offline')))).toEqual({
      ok: false,
      error: { kind: 'unreachable' },
    });
    expect(await run(reply(502, {}))).toEqual({ ok: false, error: { kind: 'server', status: 502 } });
    expect(await run(reply(422, { error: 'mapping_type_mismatch', message: 'Types differ.' }))).toEqual({
      ok: false,
      error: { kind: 'rejected', status: 422, code: 'mapping_type_mismatch', message: 'Types differ.' },
    });
    expect(await run(reply(409, { error: 'quickbooks_not_connected', message: 'x' }))).toEqual({
      ok: false,
      error: { kind: 'not_connected', needsReauth: false },
    });
    expect(await run(reply(409, { error: 'quickbooks_needs_reauth', message: 'x' }))).toEqual({
      ok: false,
      error: { kind: 'not_connected', needsReauth: true },
    });
    expect(await run(reply(200, { ok: 'yes' }))).toEqual({ ok: false, error: { kind: 'invalid_response' } });
  });
});
