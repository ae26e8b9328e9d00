import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticationFailed, authorizationFailed, throttled } from '../core/gateway-fault.ts';
import type { Emulator } from '../emulator.ts';
import { sendGateway } from './respond.ts';

const REALM_PATH = /^\/v3\/company\/([^/?]+)(\/[^?]*)?/;
const admitted = new WeakMap<FastifyRequest, string>();

/** Frees the request's concurrency slot; also used when an injected fault drops the connection. */
export function releaseAdmission(emu: Emulator, request: FastifyRequest): void {
  const realmId = admitted.get(request);
  if (realmId === undefined) return;
  admitted.delete(request);
  emu.rateLimiter.release(realmId);
}

/**
 * What Intuit's gateway does before QBO sees a request: bearer token check (401), realm
 * authorisation (403) and throttling (429), each with the gateway's lower-case body.
 */
export function installApiGuard(app: FastifyInstance, emu: Emulator): void {
  app.addHook('onRequest', async (request, reply) => {
    const m = REALM_PATH.exec(request.url);
    if (!m) return;
    const nowMs = emu.now().getTime();
    const header = request.headers.authorization ?? '';
    const token = /^bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
    const check = emu.tokens.checkAccess(token, nowMs);
    if (!check.ok) {
      const detail =
        check.reason === 'expired'
          ? `Token expired: ${token.slice(0, 50)}`
          : check.reason === 'malformed'
            ? 'Malformed bearer token: too short or too long'
            : 'Token invalid or revoked';
      return sendGateway(reply, authenticationFailed(detail, nowMs));
    }
    const realmId = decodeURIComponent(m[1] as string);
    if (check.realmId !== realmId || !emu.realm(realmId))
      return sendGateway(reply, authorizationFailed(nowMs));
    const isBatch = (m[2] ?? '').toLowerCase() === '/batch';
    if (!emu.rateLimiter.admit(realmId, isBatch, nowMs)) return sendGateway(reply, throttled(nowMs));
    admitted.set(request, realmId);
  });
  const release = async (request: FastifyRequest) => releaseAdmission(emu, request);
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
