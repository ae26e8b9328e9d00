import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { controlRoutes } from './control/control-routes.ts';
import { faults } from './core/fault-catalogue.ts';
import { Emulator } from './emulator.ts';
import { installApiGuard } from './http/api-guard.ts';
import { installBodyParsers } from './http/body-parsers.ts';
import { sendFault } from './http/respond.ts';
import { installTrafficHooks } from './http/traffic-hooks.ts';
import { oauthRoutes } from './oauth/oauth-routes.ts';
import type { QuickBooksEmulatorOptions } from './options.ts';
import { batchRoute } from './routes/batch-route.ts';
import { cdcRoute } from './routes/cdc-route.ts';
import { entityRoutes } from './routes/entity-routes.ts';
import { invoiceDeliveryRoutes } from './routes/invoice-delivery-routes.ts';
import { queryRoutes } from './routes/query-routes.ts';

export type QuickBooksEmulator = FastifyInstance & {
  /** In-process handle: state, clock, tokens, faults, webhooks, request log. */
  control: Emulator;
};

/** A local QuickBooks Online: Intuit's OAuth, the Accounting API v3 and a control API. */
export function createQuickBooksEmulator(options: QuickBooksEmulatorOptions = {}): QuickBooksEmulator {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 });
  const emu = new Emulator(options);
  installBodyParsers(app);
  void app.register(formbody);
  // The gateway admits a request (auth, throttles) before injected faults, so an injected delay
  // holds a concurrency slot like a slow real request.
  installApiGuard(app, emu);
  installTrafficHooks(app, emu);
  oauthRoutes(app, emu);
  entityRoutes(app, emu);
  queryRoutes(app, emu);
  batchRoute(app, emu);
  cdcRoute(app, emu);
  invoiceDeliveryRoutes(app, emu);
  if (options.controlApi !== false) controlRoutes(app, emu);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v3/')) return reply.code(404).send({ error: 'not_found' });
    return sendFault(
      reply,
      faults.unsupportedOperation(
        `Could not find resource for relative : ${path} of full path: https://quickbooks.api.intuit.com${path}`,
      ),
      emu.now(),
    );
  });
  app.addHook('onClose', async () => emu.webhooks.close());
  return Object.assign(app, { control: emu });
}
