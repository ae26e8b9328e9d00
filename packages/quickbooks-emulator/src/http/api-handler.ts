import type { FastifyReply, FastifyRequest } from 'fastify';
import { QboFault, systemFault } from '../core/fault.ts';
import type { Json } from '../core/json.ts';
import type { Emulator } from '../emulator.ts';
import type { Realm } from '../store/realm.ts';
import { qboBody, withTid } from './respond.ts';

const MAX_STORED_REQUEST_IDS = 20_000;

export interface ApiResult {
  status: number;
  body: Json;
}

export type ApiQuery = Record<string, string | undefined>;

export function queryOf(request: FastifyRequest): ApiQuery {
  return (request.query ?? {}) as ApiQuery;
}

/** `include=void,allowduplicatedocnum` → a lower-case set. */
export function includeFlags(query: ApiQuery): Set<string> {
  return new Set(
    (query.include ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0),
  );
}

/**
 * Runs an API operation with QBO's envelope, Fault mapping and `requestid` replay: a repeated
 * id returns the stored original response without doing the work again.
 */
export function handleApi(
  emu: Emulator,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (realm: Realm, query: ApiQuery) => ApiResult,
): FastifyReply {
  const realm = emu.realm((request.params as { realmId: string }).realmId) as Realm;
  const query = queryOf(request);
  // node-quickbooks sends its idempotency key as a `Request-Id` header rather than `requestid`.
  const header = request.headers['request-id'];
  const requestId = query.requestid || (typeof header === 'string' && header !== '' ? header : undefined);
  const replay = requestId ? realm.requestIds.get(requestId) : undefined;
  if (replay) return withTid(reply).code(replay.status).type(replay.contentType).send(replay.body);
  let result: ApiResult;
  try {
    result = work(realm, query);
  } catch (e) {
    const fault = e instanceof QboFault ? e : systemFault(e instanceof Error ? e.message : String(e));
    if (!(e instanceof QboFault)) request.log.error(e);
    result = { status: fault.status, body: { Fault: fault.body } };
  }
  const body = qboBody(result.body, emu.now());
  const contentType = 'application/json;charset=UTF-8';
  if (requestId) {
    realm.requestIds.set(requestId, { status: result.status, body, contentType });
    // SDKs send a fresh requestid on every call, reads included: keep memory bounded.
    if (realm.requestIds.size > MAX_STORED_REQUEST_IDS) {
      const oldest = realm.requestIds.keys().next().value;
      if (oldest !== undefined) realm.requestIds.delete(oldest);
    }
  }
  return withTid(reply).code(result.status).type(contentType).send(body);
}
