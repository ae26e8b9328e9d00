import type { ServerMetrics } from './server-metrics.ts';

/** The HTTP status a gateway failure carries, wherever the adapter put it. */
function statusOf(error: unknown): string {
  const e = error as { status?: unknown; code?: unknown; failure?: { status?: unknown } } | null;
  const status = e?.status ?? e?.failure?.status ?? e?.code;
  return typeof status === 'number' ? String(status) : 'error';
}

/**
 * Wraps every async method of a gateway so each call is counted by side and outcome
 * (`ok`, an HTTP status such as `429`, or `error`). Synchronous methods pass through.
 */
export function countApiCalls<G extends object>(
  gateway: G,
  side: 'hubspot' | 'quickbooks',
  metrics: ServerMetrics,
): G {
  return new Proxy(gateway, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (ok) => {
            metrics.apiCalls.inc({ side, status: 'ok' });
            return ok;
          },
          (error: unknown) => {
            metrics.apiCalls.inc({ side, status: statusOf(error) });
            throw error;
          },
        );
      };
    },
  });
}
