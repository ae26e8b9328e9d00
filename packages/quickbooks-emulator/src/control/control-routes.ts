import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { QboFault } from '../core/fault.ts';
import type { Json } from '../core/json.ts';
import type { Emulator } from '../emulator.ts';
import { mergeCustomers } from '../entities/merge-customers.ts';
import { createEntity } from '../entities/operations.ts';
import { entityDef } from '../entities/registry.ts';
import { DEFAULT_VERIFIER_TOKEN } from '../options.ts';
import type { EntityName } from '../store/realm.ts';
import { faultRuleSchema } from './fault-injection.ts';

const realmBody = z.object({
  companyName: z.string().optional(),
  country: z.string().min(2).max(3).optional(),
  preferences: z.record(z.string(), z.unknown()).optional(),
});
const SEED_ORDER: EntityName[] = ['Account', 'Customer', 'Vendor', 'Employee', 'Item', 'Invoice', 'Payment'];
const mergeBody = z.object({ fromId: z.string().min(1), intoId: z.string().min(1) });
const seedBody = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));
const webhookBody = z.object({
  enabled: z.boolean().optional(),
  dropNext: z.number().int().nonnegative().optional(),
  duplicateNext: z.number().int().nonnegative().optional(),
  reorder: z.boolean().optional(),
  url: z.string().url().optional(),
  format: z.enum(['classic', 'cloudevents']).optional(),
  aggregationWindowMs: z.number().int().nonnegative().optional(),
});

/** `/_emulator/`: reset, realms, tokens, seed, clock, faults, webhooks and the request log. */
export function controlRoutes(app: FastifyInstance, emu: Emulator): void {
  const bad = (reply: { code(n: number): { send(b: unknown): unknown } }, error: z.ZodError) =>
    reply.code(400).send({ error: 'invalid_request', issues: error.issues });

  app.post('/_emulator/reset', async () => {
    emu.reset();
    return { ok: true };
  });

  app.post('/_emulator/realms', (request, reply) => {
    const parsed = realmBody.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    return { realmId: emu.createRealm(parsed.data).id };
  });

  app.get('/_emulator/realms', () => ({ realms: [...emu.state.realms.keys()] }));

  app.post('/_emulator/tokens', (request, reply) => {
    const parsed = z.object({ realmId: z.string() }).safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    if (!emu.realm(parsed.data.realmId)) return reply.code(404).send({ error: 'unknown_realm' });
    return emu.issueTokens(parsed.data.realmId);
  });

  app.post<{ Params: { realmId: string } }>('/_emulator/realms/:realmId/seed', (request, reply) => {
    const realm = emu.realm(request.params.realmId);
    if (!realm) return reply.code(404).send({ error: 'unknown_realm' });
    const parsed = seedBody.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    const created: Record<string, Json[]> = {};
    try {
      for (const name of SEED_ORDER) {
        for (const body of parsed.data[name] ?? []) {
          const def = entityDef(name);
          const entity = emu.run(realm, new Set(['allowduplicatedocnum']), (ctx) =>
            createEntity(ctx, def, body),
          );
          created[name] = [...(created[name] ?? []), entity];
        }
      }
    } catch (e) {
      if (e instanceof QboFault) return reply.code(400).send({ Fault: e.body, created });
      throw e;
    }
    return created;
  });

  // A bookkeeper merging two customers in the QBO UI (R-OBJ-7): `fromId` goes into `intoId`.
  app.post<{ Params: { realmId: string } }>(
    '/_emulator/realms/:realmId/customers/merge',
    (request, reply) => {
      const realm = emu.realm(request.params.realmId);
      if (!realm) return reply.code(404).send({ error: 'unknown_realm' });
      const parsed = mergeBody.safeParse(request.body ?? {});
      if (!parsed.success) return bad(reply, parsed.error);
      const { fromId, intoId } = parsed.data;
      try {
        return { Customer: emu.run(realm, new Set(), (ctx) => mergeCustomers(ctx, fromId, intoId)) };
      } catch (e) {
        if (e instanceof QboFault) return reply.code(400).send({ Fault: e.body });
        throw e;
      }
    },
  );

  app.get('/_emulator/clock', () => ({ now: emu.now().toISOString() }));
  app.post('/_emulator/clock/advance', (request, reply) => {
    const parsed = z.object({ ms: z.number().nonnegative() }).safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    emu.clock.advance(parsed.data.ms);
    return { now: emu.now().toISOString() };
  });

  app.post('/_emulator/faults', (request, reply) => {
    const parsed = faultRuleSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    emu.faults.add(parsed.data);
    return { ok: true };
  });
  app.delete('/_emulator/faults', async () => {
    emu.faults.clear();
    return { ok: true };
  });

  app.post('/_emulator/webhooks', (request, reply) => {
    const parsed = webhookBody.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    const { url, format, aggregationWindowMs, ...controls } = parsed.data;
    const current = emu.webhooks.currentOptions();
    const nextUrl = url ?? current?.url;
    if (
      nextUrl !== undefined &&
      (url !== undefined || format !== undefined || aggregationWindowMs !== undefined)
    ) {
      emu.webhooks.configure({
        ...(current ?? {}),
        url: nextUrl,
        ...(format ? { format } : {}),
        ...(aggregationWindowMs !== undefined ? { aggregationWindowMs } : {}),
      });
    }
    emu.webhooks.control(controls);
    return { ok: true };
  });
  app.post('/_emulator/webhooks/flush', async () => {
    await emu.webhooks.idle();
    return { ok: true };
  });
  app.get('/_emulator/webhooks/deliveries', () => ({ deliveries: emu.webhooks.deliveries }));

  app.get('/_emulator/requests', () => ({ requests: emu.requests.list() }));
  app.get('/_emulator/requests/counts', () => ({ counts: emu.requests.counts() }));
  app.delete('/_emulator/requests', async () => {
    emu.requests.clear();
    return { ok: true };
  });

  app.get('/_emulator/config', () => ({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    verifierToken: emu.options.webhooks?.verifierToken ?? DEFAULT_VERIFIER_TOKEN,
  }));
}
