import type { Clock } from './clock.ts';

export type SubscriptionType =
  | 'object.creation'
  | 'object.deletion'
  | 'object.propertyChange'
  | 'object.associationChange';

export interface WebhookSubscription {
  subscriptionType: SubscriptionType;
  /** Object type name or id, e.g. `invoices` or `0-53`. */
  objectType: string;
  /** For `object.propertyChange` only; omitted means every property. */
  propertyName?: string;
  active?: boolean;
}

export interface AppConfig {
  appId: number;
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  /** Scopes the app asks for at install; tokens from the control API get these unless told otherwise. */
  scopes: string[];
  webhooks: { targetUrl?: string; subscriptions: WebhookSubscription[] };
}

export interface RateLimitOptions {
  /** Requests per rolling 10 seconds per portal and app. */
  tenSecondly: number;
  /** Search requests per second per portal. */
  searchPerSecond: number;
}

export interface WebhookDeliveryOptions {
  /** Events per request (HubSpot sends at most 100). */
  maxBatchSize: number;
  /** Multiplies every delivery delay; 0.001 turns HubSpot's minutes into milliseconds for tests. */
  timeScale: number;
  /** How long events gather before a batch is sent (before scaling). */
  batchWindowMs: number;
  /** Delivery attempts before an event is given up (HubSpot: 10). */
  maxAttempts: number;
  /** Delay before retry n (before scaling). */
  retryDelayMs: (attempt: number) => number;
}

export interface HubSpotEmulatorOptions {
  clock?: Clock;
  rateLimits?: false | Partial<RateLimitOptions>;
  app?: Partial<AppConfig>;
  webhooks?: Partial<WebhookDeliveryOptions>;
  /** Serve `/_emulator/*` (default true). */
  controlApi?: boolean;
  /** Fastify logger (default false). */
  logger?: boolean;
}

export const ALL_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.products.read',
  'crm.objects.products.write',
  'crm.objects.line_items.read',
  'crm.objects.line_items.write',
  'crm.objects.invoices.read',
  'crm.objects.invoices.write',
  'crm.objects.commercepayments.read',
  'crm.objects.commercepayments.write',
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
  'crm.schemas.companies.read',
  'crm.schemas.companies.write',
  'crm.schemas.deals.read',
  'crm.schemas.deals.write',
  'crm.schemas.invoices.read',
  'crm.schemas.invoices.write',
  'crm.schemas.line_items.read',
  'crm.schemas.line_items.write',
  'crm.schemas.products.read',
  'crm.schemas.products.write',
  'crm.schemas.commercepayments.read',
  'crm.schemas.commercepayments.write',
];

export function resolveApp(app: Partial<AppConfig> = {}): AppConfig {
  return {
    appId: app.appId ?? 4_100_001,
    clientId: app.clientId ?? '8f2c1d6e-0b4a-4e7d-9c3f-ledgersync01',
    clientSecret: app.clientSecret ?? 'e3b1f7a2-5c6d-4e8f-a9b0-emulatorsecret',
    name: app.name ?? 'LedgerSync',
    redirectUris: app.redirectUris ?? ['http://localhost:3000/oauth/hubspot/callback'],
    scopes: app.scopes ?? ALL_SCOPES,
    webhooks: app.webhooks ?? { subscriptions: [] },
  };
}

export function resolveRateLimits(r: HubSpotEmulatorOptions['rateLimits']): RateLimitOptions | false {
  if (r === false) return false;
  return { tenSecondly: r?.tenSecondly ?? 110, searchPerSecond: r?.searchPerSecond ?? 5 };
}

export function resolveWebhookOptions(w: Partial<WebhookDeliveryOptions> = {}): WebhookDeliveryOptions {
  return {
    maxBatchSize: w.maxBatchSize ?? 100,
    timeScale: w.timeScale ?? 1,
    batchWindowMs: w.batchWindowMs ?? 1000,
    maxAttempts: w.maxAttempts ?? 10,
    // HubSpot spreads 10 attempts over about a day; grow from 1 minute, capped at 8 hours.
    retryDelayMs: w.retryDelayMs ?? ((n) => Math.min(60_000 * 2 ** (n - 1), 8 * 3_600_000)),
  };
}
