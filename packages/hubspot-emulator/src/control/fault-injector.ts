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
      const body =
        rule.body ??
        errorBody({ status: rule.status, category: 'INTERNAL_ERROR', message: 'injected fault' });
      await reply
        .code(rule.status)
        .headers(rule.headers ?? {})
        .type('application/json')
        .send(body);
    });
  }
}
