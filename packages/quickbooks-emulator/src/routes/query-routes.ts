import type { FastifyInstance } from 'fastify';
import { faults } from '../core/fault-catalogue.ts';
import type { Emulator } from '../emulator.ts';
import { type ApiResult, handleApi, includeFlags } from '../http/api-handler.ts';
import { executeQuery } from '../query/execute.ts';

interface Params {
  realmId: string;
}

function requireText(text: string | undefined): string {
  if (text === undefined || text.trim() === '')
    throw faults.queryParse('Encountered "<EOF>" at line 1, column 1.');
  return text;
}

/** `GET /query?query=…` and `POST /query` with the SELECT as the body. */
export function queryRoutes(app: FastifyInstance, emu: Emulator): void {
  app.get<{ Params: Params }>('/v3/company/:realmId/query', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      const text = requireText(query.query);
      const qr = emu.run(realm, includeFlags(query), (ctx) => executeQuery(ctx, text));
      return { status: 200, body: { QueryResponse: qr } };
    }),
  );
  app.post<{ Params: Params }>('/v3/company/:realmId/query', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      const text = requireText(typeof request.body === 'string' ? request.body : query.query);
      const qr = emu.run(realm, includeFlags(query), (ctx) => executeQuery(ctx, text));
      return { status: 200, body: { QueryResponse: qr } };
    }),
  );
}
