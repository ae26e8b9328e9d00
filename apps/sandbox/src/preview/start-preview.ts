import Fastify from 'fastify';
import type { SandboxPlan } from '../orchestrate/sandbox-plan.ts';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';

export interface PreviewOptions {
  plan: SandboxPlan;
  uiFetch: SignedUiFetch;
  hubId: number | null;
  realmId: string | null;
}

export async function startPreview(options: PreviewOptions) {
  const app = Fastify();
  app.get('/', async () => 'LedgerSync preview');
  await app.listen({ host: options.plan.host, port: options.plan.ports.preview });
  return { close: () => app.close() };
}
