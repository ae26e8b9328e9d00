import type { FastifyInstance } from 'fastify';
import { endpointOf } from '../control/request-log.ts';
import { QboFault, systemFault, validationFault } from '../core/fault.ts';
import { authenticationFailed, throttled } from '../core/gateway-fault.ts';
import type { Emulator } from '../emulator.ts';
import { releaseAdmission } from './api-guard.ts';
import { sendFault, sendGateway, sendQbo } from './respond.ts';

const isControl = (url: string) => url.startsWith('/_emulator/');

/** Fault injection (before anything else) and the request log (after the response). */
export function installTrafficHooks(app: FastifyInstance, emu: Emulator): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isControl(request.url)) return;
    const rule = emu.faults.take(request.method, request.url.split('?')[0] ?? '');
    if (!rule) return;
    if (rule.delayMs) await new Promise((r) => setTimeout(r, rule.delayMs));
    if (rule.drop) {
      // A hijacked request never reaches onResponse: free its slot and log it here.
      releaseAdmission(emu, request);
      emu.requests.add({
        at: emu.now().toISOString(),
        method: request.method,
        url: request.url,
        endpoint: endpointOf(request.method, request.url),
        status: 0,
      });
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (rule.status === undefined) return;
    const now = emu.now();
    if (rule.fault) return sendQbo(reply, rule.status, { Fault: rule.fault }, now);
    if (rule.status === 401)
      return sendGateway(reply, authenticationFailed('Token expired: injected', now.getTime()));
    if (rule.status === 429) return sendGateway(reply, throttled(now.getTime()));
    if (rule.status >= 500) {
      return sendFault(reply, new QboFault(rule.status, systemFault('injected fault').body), now);
    }
    return sendFault(
      reply,
      validationFault(String(rule.status), 'Injected fault', 'Injected by the emulator control API'),
      now,
    );
  });

  app.addHook('onResponse', async (request, reply) => {
    if (isControl(request.url)) return;
    const realmId = /^\/v3\/company\/([^/?]+)/.exec(request.url)?.[1];
    emu.requests.add({
      at: emu.now().toISOString(),
      method: request.method,
      url: request.url,
      endpoint: endpointOf(request.method, request.url),
      status: reply.statusCode,
      ...(realmId ? { realmId } : {}),
      elapsedMs: reply.elapsedTime,
    });
  });
}
