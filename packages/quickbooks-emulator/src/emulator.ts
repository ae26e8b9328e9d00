import { FaultInjector } from './control/fault-injection.ts';
import { RequestLog } from './control/request-log.ts';
import { AdjustableClock, systemClock } from './core/clock.ts';
import type { Json } from './core/json.ts';
import { RateLimiter } from './core/rate-limiter.ts';
import type { OpContext } from './entities/context.ts';
import { type TokenResponse, TokenStore } from './oauth/token-store.ts';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type QuickBooksEmulatorOptions,
  REAL_RATE_LIMITS,
} from './options.ts';
import { normalizeCountry } from './store/country.ts';
import { createCompany } from './store/create-company.ts';
import { EmulatorState } from './store/emulator-state.ts';
import type { Realm } from './store/realm.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';

export interface NewRealmInput {
  companyName?: string | undefined;
  country?: string | undefined;
  preferences?: Json | undefined;
}

/** Everything one emulator instance holds, plus the operations the control API exposes. */
export class Emulator {
  readonly clock: AdjustableClock;
  readonly state = new EmulatorState();
  readonly tokens = new TokenStore();
  readonly faults = new FaultInjector();
  readonly requests = new RequestLog();
  readonly rateLimiter: RateLimiter;
  readonly webhooks: WebhookDispatcher;
  readonly clientId: string;
  readonly clientSecret: string;

  constructor(readonly options: QuickBooksEmulatorOptions) {
    this.clock = new AdjustableClock(options.clock ?? systemClock);
    this.rateLimiter = new RateLimiter(
      options.rateLimits === false ? false : { ...REAL_RATE_LIMITS, ...(options.rateLimits ?? {}) },
    );
    this.webhooks = new WebhookDispatcher(options.webhooks);
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
    this.state.onChange((e) => this.webhooks.enqueue(e));
  }

  now(): Date {
    return this.clock.now();
  }

  createRealm(input: NewRealmInput = {}): Realm {
    const realmId = this.state.newRealmId();
    const realm = createCompany({
      realmId,
      companyName: input.companyName,
      country: normalizeCountry(input.country),
      preferences: input.preferences,
      now: this.now(),
    });
    this.state.realms.set(realmId, realm);
    return realm;
  }

  realm(realmId: string): Realm | undefined {
    return this.state.realms.get(realmId);
  }

  issueTokens(realmId: string): TokenResponse {
    return this.tokens.issueForRealm(realmId, this.now().getTime());
  }

  /** Runs one API operation; its change events go out only if it succeeds. */
  run<T>(realm: Realm, include: ReadonlySet<string>, fn: (ctx: OpContext) => T, batchId?: string): T {
    const ctx: OpContext = { realm, now: this.now(), include, batchId, changes: [] };
    const result = fn(ctx);
    for (const e of ctx.changes) this.state.emit(e);
    return result;
  }

  reset(): void {
    this.state.reset();
    this.tokens.reset();
    this.faults.clear();
    this.requests.clear();
    this.rateLimiter.reset();
    this.webhooks.reset();
    this.clock.reset();
  }
}
