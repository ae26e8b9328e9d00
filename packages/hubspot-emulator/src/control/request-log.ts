import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state.ts';

export interface LoggedRequest {
  at: string;
  method: string;
  url: string;
  route: string;
  status: number;
  portalId?: number;
  actAsUser?: string;
}

/** Every API request with its outcome, for tests that count calls (control API excluded). */
export class RequestLog {
  entries: LoggedRequest[] = [];

  install(app: FastifyInstance, state: EmulatorState): void {
    app.addHook('onResponse', async (req, reply) => {
      if (req.url.startsWith('/_emulator')) return;
      const actAs = req.headers['x-emulator-act-as-user'];
      this.entries.push({
        at: new Date(state.clock.now()).toISOString(),
        method: req.method,
        url: req.url,
        route: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        status: reply.statusCode,
        ...(req.portalId === undefined ? {} : { portalId: req.portalId }),
        ...(typeof actAs === 'string' ? { actAsUser: actAs } : {}),
      });
    });
  }

  counts(): { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> } {
    const byRoute: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const e of this.entries) {
      byRoute[e.route] = (byRoute[e.route] ?? 0) + 1;
      byStatus[String(e.status)] = (byStatus[String(e.status)] ?? 0) + 1;
    }
    return { total: this.entries.length, byRoute, byStatus };
  }
}
