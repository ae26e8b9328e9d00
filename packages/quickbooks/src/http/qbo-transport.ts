import type { ApiCallObserver } from '@ledgersync/sync-engine';
import { faultToError } from '../errors/fault-to-error.ts';
import { QboError } from '../errors/qbo-error.ts';
import type { AccessTokenSource } from './access-token-source.ts';
import { parseExactJson, stringifyExactJson } from './exact-json.ts';
import {
  type LimiterTime,
  processRealmLimiters,
  type RealmLimiter,
  type RequestKind,
  realTime,
} from './realm-rate-limiter.ts';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';

export const MINOR_VERSION = '75';

export interface TransportOptions {
  /** e.g. https://quickbooks.api.intuit.com (no trailing /v3). */
  readonly baseUrl: string;
  readonly realmId: string;
  readonly tokens: AccessTokenSource;
  readonly fetch?: typeof fetch;
  /** Defaults to this process's limiter of this realm. */
  readonly limiter?: RealmLimiter;
  readonly retry?: Partial<RetryPolicy>;
  readonly time?: LimiterTime;
  readonly random?: () => number;
  /** Told how every request sent to QBO ended, retries included (for metrics). */
  readonly onApiCall?: ApiCallObserver;
}

export interface QboRequest {
  readonly method: 'GET' | 'POST';
  /** Path under /v3/company/{realmId}/, e.g. `invoice/12` or `query`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Idempotency key of a write: QBO replays the first response for a repeated requestid. */
  readonly requestId?: string;
  readonly kind?: RequestKind;
}

export type QboTransport = (request: QboRequest) => Promise<unknown>;

/**
 * Sends one logical request: waits for the realm's budget, retries 5xx and network failures
 * with backoff, waits out 429s, refreshes the token once on 401. Writes are safe to repeat
 * because they carry a requestid. Throws QboError.
 */
export function createQboTransport(options: TransportOptions): QboTransport {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const limiter = options.limiter ?? processRealmLimiters.forRealm(`${base}|${options.realmId}`);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const time = options.time ?? realTime;
  const random = options.random ?? Math.random;

  function urlFor(request: QboRequest): string {
    const url = new URL(`${base}/v3/company/${encodeURIComponent(options.realmId)}/${request.path}`);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
    url.searchParams.set('minorversion', MINOR_VERSION);
    if (request.requestId !== undefined) url.searchParams.set('requestid', request.requestId);
    return url.toString();
  }

  async function once(request: QboRequest, url: string, token: string) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    const init: RequestInit = {
      method: request.method,
      headers,
      signal: AbortSignal.timeout(policy.timeoutMs),
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = stringifyExactJson(request.body);
    }
    const response = await doFetch(url, init);
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text === '' ? null : parseExactJson(text);
    } catch {
      body = null; // an HTML gateway page or a cut-off body: judged by its status below
    }
    return {
      status: response.status,
      body,
      tid: response.headers.get('intuit_tid'),
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), time.now()),
    };
  }

  return async function send(request: QboRequest): Promise<unknown> {
    const url = urlFor(request);
    let failures = 0;
    let throttles = 0;
    let refreshed = false;
    let token = await options.tokens.accessToken();
    for (;;) {
      const release = await limiter.acquire(request.kind ?? 'request');
      let result: Awaited<ReturnType<typeof once>>;
      try {
        result = await once(request, url, token);
      } catch (cause) {
        release();
        options.onApiCall?.((cause as { name?: unknown })?.name === 'TimeoutError' ? 'timeout' : 'network');
        if (failures < policy.maxRetries) {
          await time.sleep(backoffMs(policy, failures, random));
          failures += 1;
          continue;
        }
        throw new QboError('Network', `QuickBooks could not be reached: ${describe(cause)}`, null, null);
      }
      release();
      const { status, body, tid, retryAfterMs: askedWait } = result;
      const faultIn200 = status < 300 && typeof body === 'object' && body !== null && 'Fault' in body;
      options.onApiCall?.(status >= 200 && status < 300 && !faultIn200 ? 'ok' : status);
      if (status >= 200 && status < 300 && !faultIn200 && body !== null) return body;
      const error =
        status >= 200 && status < 300 && body === null
          ? new QboError('ServerError', 'QuickBooks sent an empty or unreadable body', status, null, [], tid)
          : faultToError(status, body, tid);
      if (error.code === 'Throttled' && throttles < policy.maxThrottleRetries) {
        throttles += 1;
        limiter.pause(askedWait ?? policy.throttleWaitMs);
        continue;
      }
      if (error.code === 'Unauthorized' && !refreshed) {
        refreshed = true;
        token = await options.tokens.refreshAfterRejection(token);
        continue;
      }
      if (error.code === 'ServerError' && failures < policy.maxRetries) {
        await time.sleep(backoffMs(policy, failures, random));
        failures += 1;
        continue;
      }
      throw error;
    }
  };
}

/** A `Retry-After` in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return 'unknown error';
}
