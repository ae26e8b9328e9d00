import type { z } from 'zod';
import { errorResponseSchema } from './generated/api-contract.ts';

/** The part of `hubspot.fetch` this app uses (its options and its Response). */
export type HubSpotFetch = (
  url: string,
  options?: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    timeout?: number;
    body?: Record<string, unknown>;
  },
) => Promise<Response>;

/** Every way a call can go wrong, so each view can say what happened in plain words. */
export type BackendError =
  | { kind: 'timeout' }
  | { kind: 'unreachable' }
  | { kind: 'not_connected'; needsReauth: boolean }
  | { kind: 'rejected'; status: number; code: string; message: string }
  | { kind: 'server'; status: number }
  /** The answer does not fit the contract: `field` is the first path that does not (`''` for the whole body). */
  | { kind: 'invalid_response'; field: string; problem: string };

export type BackendResult<T> = { ok: true; data: T } | { ok: false; error: BackendError };

export interface BackendClient {
  request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    schema: z.ZodType<T>,
    body?: Record<string, unknown>,
  ): Promise<BackendResult<T>>;
}

// hubspot.fetch defaults to 15 s; the card should give up sooner and offer a retry.
export const DEFAULT_TIMEOUT_MS = 10_000;

const TIMED_OUT = Symbol('timed out');

export function createBackendClient(options: {
  fetch: HubSpotFetch;
  baseUrl: string;
  timeoutMs?: number;
}): BackendClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async request(method, path, schema, body) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      let response: Response | typeof TIMED_OUT;
      try {
        const init =
          body === undefined ? { method, timeout: timeoutMs } : { method, timeout: timeoutMs, body };
        response = await Promise.race([options.fetch(`${base}${path}`, init), deadline]);
      } catch {
        return { ok: false, error: { kind: 'unreachable' } };
      } finally {
        clearTimeout(timer);
      }
      if (response === TIMED_OUT) return { ok: false, error: { kind: 'timeout' } };
      return readResponse(response, schema);
    },
  };
}

async function readResponse<T>(response: Response, schema: z.ZodType<T>): Promise<BackendResult<T>> {
  const json: unknown = await response.json().catch(() => undefined);
  if (response.status >= 500) return { ok: false, error: { kind: 'server', status: response.status } };
  if (!response.ok) {
    const problem = readProblem(json);
    if (response.status === 409 && problem.code === 'quickbooks_not_connected') {
      return { ok: false, error: { kind: 'not_connected', needsReauth: false } };
    }
    if (response.status === 409 && problem.code === 'quickbooks_needs_reauth') {
      return { ok: false, error: { kind: 'not_connected', needsReauth: true } };
    }
    return { ok: false, error: { kind: 'rejected', status: response.status, ...problem } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const [issue] = parsed.error.issues;
  return {
    ok: false,
    error: {
      kind: 'invalid_response',
      field: issue?.path.map(String).join('.') ?? '',
      problem: issue?.message ?? 'does not fit',
    },
  };
}

function readProblem(json: unknown): { code: string; message: string } {
  const body = errorResponseSchema.safeParse(json);
  return body.success
    ? { code: body.data.error, message: body.data.message }
    : { code: 'unknown', message: 'The request was refused.' };
}

/** One sentence for each failure, in HubSpot's voice. */
export function describeBackendError(error: BackendError): string {
  switch (error.kind) {
    case 'timeout':
      return 'LedgerSync took too long to answer. Try again in a moment.';
    case 'unreachable':
      return 'LedgerSync could not be reached. Check your connection and try again.';
    case 'not_connected':
      return error.needsReauth
        ? 'LedgerSync lost access to QuickBooks Online. Reconnect it in the app settings.'
        : 'QuickBooks Online isn’t connected.';
    case 'rejected':
      return error.message;
    case 'server':
      return 'Something went wrong on our side. Try again in a moment.';
    case 'invalid_response':
      return `LedgerSync sent an answer this page cannot read (${error.field || 'the answer'}: ${error.problem}). Try again, or contact support.`;
  }
}
