import { TokenStore } from './auth/token-store.ts';
import { EmulatorClock } from './clock.ts';
import type { SourcedEvent } from './crm/crm-event.ts';
import { CrmService } from './crm/crm-service.ts';
import { type PlanTier, Portal } from './crm/portal.ts';
import { notFound } from './http/hubspot-error.ts';
import {
  type AppConfig,
  type HubSpotEmulatorOptions,
  type RateLimitOptions,
  resolveApp,
  resolveRateLimits,
  resolveWebhookOptions,
  type WebhookDeliveryOptions,
} from './options.ts';

export interface NewPortal {
  portalId?: number | undefined;
  tier?: PlanTier | undefined;
  invoicePrefix?: string | undefined;
  currency?: string | undefined;
}

/** Everything the emulator remembers; `reset()` returns it to a fresh start. */
export class EmulatorState {
  readonly clock: EmulatorClock;
  readonly app: AppConfig;
  readonly rateLimits: RateLimitOptions | false;
  readonly webhookOptions: WebhookDeliveryOptions;
  portals = new Map<number, Portal>();
  tokens = new TokenStore();
  readonly crm: CrmService;
  private readonly listeners: Array<(e: SourcedEvent) => void> = [];
  private nextObjectId = 1_000_001;
  private nextPortalId = 50_000_001;

  constructor(options: HubSpotEmulatorOptions) {
    this.clock = new EmulatorClock(options.clock);
    this.app = resolveApp(options.app);
    this.rateLimits = resolveRateLimits(options.rateLimits);
    this.webhookOptions = resolveWebhookOptions(options.webhooks);
    this.crm = new CrmService({
      now: () => this.clock.now(),
      nextId: () => String(this.nextObjectId++),
      emit: (e) => {
        for (const l of this.listeners) l(e);
      },
    });
  }

  onEvent(listener: (e: SourcedEvent) => void): void {
    this.listeners.push(listener);
  }

  reset(): void {
    this.clock.resetOffset();
    this.portals = new Map();
    this.tokens = new TokenStore();
    this.nextObjectId = 1_000_001;
    this.nextPortalId = 50_000_001;
  }

  createPortal(input: NewPortal = {}): Portal {
    const id = input.portalId ?? this.nextPortalId++;
    const portal = new Portal({
      id,
      tier: input.tier ?? 'professional',
      invoicePrefix: input.invoicePrefix ?? 'INV-',
      currency: input.currency ?? 'USD',
      domain: `portal-${id}.hubspot-emulator.local`,
    });
    this.portals.set(id, portal);
    return portal;
  }

  portal(id: number): Portal {
    const p = this.portals.get(id);
    if (!p) throw notFound(`Portal ${id} does not exist`);
    return p;
  }

  uninstall(portalId: number): void {
    this.portal(portalId).installed = false;
    this.tokens.revokePortal(portalId);
  }
}
