import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBody } from '../http/hubspot-error.ts';

export const FaultRule = z.object({
  method: z.string().optional(),
  /** Substring of the path, or a regular expression written as `/.../`. */
  path: z.string().optional(),
  count: z.number().int().positive().default(1),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  delayMs: z.number().nonnegative().optional(),
  /** Destroy the connection without answering. */
  drop: z.boolean().optional(),
});
export type FaultRule = z.infer<typeof FaultRule>;

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (!rule.path) return true;
  const re = /^\/(.*)\/$/.exec(rule.path);
  return re ? new RegExp(re[1] ?? '').test(path) : path.includes(rule.path);
}

/** Applies injected faults to the next N matching API requests (never to `/_emulator/*`). */
export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  install(app: FastifyInstance): void {
    app.addHook('onRequest', async (req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      if (path.startsWith('/_emulator')) return;
      const rule = this.rules.find((r) => r.count > 0 && matches(r, req.method, path));
      if (!rule) return;
      rule.count -= 1;
      this.rules = this.rules.filter((r) => r.count > 0);
      if (rule.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
      if (rule.drop) {
        reply.hijack();
        req.raw.socket.destroy();
        return;
      }
      if (rule.status === undefined) return;
      const injected = defaultFault(rule.status);
      await reply
        .code(rule.status)
        .headers({ ...injected.headers, ...rule.headers })
        .type('application/json')
        .send(rule.body ?? injected.body);
    });
  }
}

/**
 * What HubSpot itself sends for an injected status: a 429 is the ten-secondly burst limit with its
 * rate-limit headers (clients decide how long to wait from them), anything else a generic error.
 */
function defaultFault(status: number): { body: unknown; headers: Record<string, string> } {
  if (status !== 429) {
    return {
      body: errorBody({ status, category: 'INTERNAL_ERROR', message: 'injected fault' }),
      headers: {},
    };
  }
  return {
    body: errorBody({
      status,
      category: 'RATE_LIMITS',
      message: 'You have reached your ten_secondly_rolling limit.',
      extra: { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
    }),
    headers: {
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': '0',
    },
  };
}
