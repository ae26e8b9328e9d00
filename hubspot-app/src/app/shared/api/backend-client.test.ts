import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { invoiceCard } from '../../../../testing/fixtures.ts';
import { createBackendClient, describeBackendError, type HubSpotFetch } from './backend-client.ts';
import { invoiceCardSchema } from './generated/api-contract.ts';

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
    expect(await run(reply(200, { ok: 'yes' }))).toEqual({
      ok: false,
      error: { kind: 'invalid_response', field: 'ok', problem: expect.stringContaining('true') },
    });
  });

  it('checks an answer against the generated contract and names the first field that does not fit', async () => {
    const card = invoiceCard();
    const answer = { ...card, activity: [{ ...card.activity[0], occurredAt: 'yesterday' }] };
    const client = createBackendClient({ fetch: reply(200, answer), baseUrl: 'https://a' });
    const result = await client.request('GET', '/card', invoiceCardSchema);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid_response', field: 'activity.0.occurredAt', problem: expect.any(String) },
    });
    if (!result.ok) expect(describeBackendError(result.error)).toContain('(activity.0.occurredAt:');
    const fine = createBackendClient({ fetch: reply(200, { ...card, addedLater: 1 }), baseUrl: 'https://a' });
    expect(await fine.request('GET', '/card', invoiceCardSchema)).toEqual({ ok: true, data: card });
  });
});
