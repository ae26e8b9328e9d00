import { readFile } from 'node:fs/promises';
import { createHubSpotEmulator } from '@ledgersync/hubspot-emulator';
import { createQuickBooksEmulator } from '@ledgersync/quickbooks-emulator';
import { z } from 'zod';
import type { SandboxPlan } from './sandbox-plan.ts';
import { SANDBOX_SCOPES } from './sandbox-scopes.ts';

type SubscriptionType =
  | 'object.creation'
  | 'object.deletion'
  | 'object.propertyChange'
  | 'object.associationChange';
const SUPPORTED = new Set<string>([
  'object.creation',
  'object.deletion',
  'object.propertyChange',
  'object.associationChange',
]);

const webhooksMetaSchema = z.object({
  config: z.object({
    subscriptions: z.object({
      crmObjects: z.array(
        z.object({ subscriptionType: z.string(), objectType: z.string(), active: z.boolean() }),
      ),
    }),
  }),
});

/** The app's real subscriptions (hubspot-app webhooks-hsmeta.json), minus kinds the emulator lacks. */
async function appSubscriptions() {
  const file = new URL('../../../../hubspot-app/src/app/webhooks/webhooks-hsmeta.json', import.meta.url);
  const meta = webhooksMetaSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  return meta.config.subscriptions.crmObjects
    .filter((s) => SUPPORTED.has(s.subscriptionType))
    .map((s) => ({
      subscriptionType: s.subscriptionType as SubscriptionType,
      objectType: `${s.objectType}s`,
      active: s.active,
    }));
}

export interface RunningEmulators {
  hubspot: ReturnType<typeof createHubSpotEmulator>;
  quickbooks: ReturnType<typeof createQuickBooksEmulator>;
  close(): Promise<void>;
}

/** Both emulators on loopback, their signed webhooks aimed at the server as in production. */
export async function startEmulators(plan: SandboxPlan): Promise<RunningEmulators> {
  const hubspot = createHubSpotEmulator({
    rateLimits: false,
    app: {
      ...plan.hubspotApp,
      name: 'LedgerSync',
      redirectUris: [`${plan.urls.server}/oauth/hubspot/callback`],
      scopes: [...SANDBOX_SCOPES],
      webhooks: {
        targetUrl: `${plan.urls.server}/webhooks/hubspot`,
        subscriptions: await appSubscriptions(),
      },
    },
    // HubSpot batches for about a second; shorter keeps the demo lively without changing the shape.
    webhooks: { batchWindowMs: 300 },
  });
  const quickbooks = createQuickBooksEmulator({
    rateLimits: false,
    clientId: plan.quickbooksApp.clientId,
    clientSecret: plan.quickbooksApp.clientSecret,
    redirectUris: [`${plan.urls.server}/oauth/quickbooks/callback`],
    autoApproveConsent: true,
    webhooks: {
      url: `${plan.urls.server}/webhooks/quickbooks`,
      verifierToken: plan.quickbooksApp.verifierToken,
      format: 'classic',
    },
  });
  await hubspot.listen({ host: plan.host, port: plan.ports.hubspot });
  await quickbooks.listen({ host: plan.host, port: plan.ports.quickbooks });
  return {
    hubspot,
    quickbooks,
    async close() {
      await Promise.all([hubspot.close(), quickbooks.close()]);
    },
  };
}
