import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { QboFault } from '../core/fault.ts';
import type { GatewayFault } from '../core/gateway-fault.ts';
import { qboResponseTime } from '../core/qbo-time.ts';

/** Every QBO response carries an `intuit_tid` header that clients log for support. */
export function withTid(reply: FastifyReply): FastifyReply {
  return reply.header('intuit_tid', randomUUID().replace(/-/g, '').slice(0, 24));
}

/** Serialises a QBO body with the envelope's `time` member last, as QBO does. */
export function qboBody(body: Record<string, unknown>, now: Date): string {
  return JSON.stringify({ ...body, time: qboResponseTime(now) });
}

export function sendQbo(
  reply: FastifyReply,
  status: number,
  body: Record<string, unknown>,
  now: Date,
): FastifyReply {
  return withTid(reply).code(status).type('application/json;charset=UTF-8').send(qboBody(body, now));
}

export function sendFault(reply: FastifyReply, fault: QboFault, now: Date): FastifyReply {
  return sendQbo(reply, fault.status, { Fault: fault.body }, now);
}

export function sendGateway(reply: FastifyReply, fault: GatewayFault): FastifyReply {
  if (fault.status === 401) reply.header('www-authenticate', 'Bearer realm="Intuit", error="invalid_token"');
  return withTid(reply).code(fault.status).type('application/json').send(JSON.stringify(fault.body));
}
