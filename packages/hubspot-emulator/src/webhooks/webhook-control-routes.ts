import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseBody } from '../http/parse-body.ts';
import type { EmulatorState } from '../state.ts';
import { signUiRequest } from './sign-ui-request.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';

const Subscription = z.object({
  subscriptionType: z.enum([
    'object.creation',
    'object.deletion',
    'object.propertyChange',
    'object.associationChange',
  ]),
  objectType: z.string(),
  propertyName: z.string().optional(),
  active: z.boolean().optional(),
});
const Settings = z.object({
  targetUrl: z.string().url().optional(),
  subscriptions: z.array(Subscription).optional(),
});
const Chaos = z.object({
  drop: z.number().int().nonnegative().optional(),
  duplicate: z.number().int().nonnegative().optional(),
  reorder: z.boolean().optional(),
});
const UiRequest = z.object({
  url: z.string().url(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  body: z.unknown().optional(),
  portalId: z.number().int(),
  userId: z.number().int().default(1),
  userEmail: z.string().optional(),
  /** Send it to the backend (default) or only return the signed request. */
  send: z.boolean().default(true),
});

export function webhookControlRoutes(
  app: FastifyInstance,
  state: EmulatorState,
  hooks: WebhookDispatcher,
): void {
  app.put('/_emulator/webhooks/settings', async (req) => {
    const body = parseBody(Settings, req.body);
    if (body.targetUrl !== undefined) state.app.webhooks.targetUrl = body.targetUrl;
    if (body.subscriptions)
      state.app.webhooks.subscriptions = body.subscriptions.map((s) => ({ ...s }) as never);
    return state.app.webhooks;
  });
  app.get('/_emulator/webhooks/settings', async () => state.app.webhooks);
  app.post('/_emulator/webhooks/flush', async () => {
    await hooks.flush();
    return { pending: hooks.pendingCount() };
  });
  app.post('/_emulator/webhooks/chaos', async (req) => {
    hooks.chaos = { ...hooks.chaos, ...parseBody(Chaos, req.body) } as typeof hooks.chaos;
    return hooks.chaos;
  });
  app.get('/_emulator/webhooks/deliveries', async () => ({
    deliveries: hooks.deliveries,
    pending: hooks.pendingCount(),
  }));

  app.post('/_emulator/ui-requests', async (req) => {
    const body = parseBody(UiRequest, req.body);
    const signed = signUiRequest({
      clientSecret: state.app.clientSecret,
      method: body.method,
      url: body.url,
      body: body.body,
      portalId: body.portalId,
      userId: body.userId,
      ...(body.userEmail === undefined ? {} : { userEmail: body.userEmail }),
      appId: state.app.appId,
      timestamp: state.clock.now(),
    });
    if (!body.send) return signed;
    const res = await fetch(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body ?? null,
    });
    const text = await res.text();
    return { request: signed, status: res.status, body: text };
  });
}
