import type { SourcedEvent } from '../crm/crm-event.ts';
import type { WebhookSubscription } from '../options.ts';
import type { EmulatorState } from '../state.ts';
import { subscriptionMatches, toPayload, type WebhookEvent } from './event-payload.ts';
import { webhookHeaders } from './signatures.ts';

interface Pending {
  event: WebhookEvent;
  attempt: number;
  dueAt: number;
}

export interface Delivery {
  at: string;
  url: string;
  eventIds: number[];
  attemptNumbers: number[];
  status: number | null;
  error?: string;
}

/** Chaos for tests of our receiver: applied to the next N events as they are queued. */
export interface WebhookChaos {
  drop: number;
  duplicate: number;
  reorder: boolean;
}

const SUBSCRIPTION_ID_BASE = 2_000_000;

/**
 * Queues events for the app's subscriptions and POSTs them in signed batches, retrying failures
 * on a schedule scaled by `timeScale`. Real wall-clock timers drive delivery; `flush()` forces it.
 */
export class WebhookDispatcher {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nextEventId = 1;
  private running: Promise<void> | undefined;
  readonly deliveries: Delivery[] = [];
  chaos: WebhookChaos = { drop: 0, duplicate: 0, reorder: false };

  constructor(private readonly state: EmulatorState) {
    state.onEvent((e) => this.enqueue(e));
  }

  get subscriptions(): WebhookSubscription[] {
    return this.state.app.webhooks.subscriptions;
  }

  reset(): void {
    this.queue = [];
    this.deliveries.length = 0;
    this.chaos = { drop: 0, duplicate: 0, reorder: false };
    this.stop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  pendingCount(): number {
    return this.queue.length;
  }

  /** Sends everything queued now, retries included, and waits until those requests finish. */
  async flush(): Promise<void> {
    await this.running;
    this.running = this.deliver(true);
    await this.running;
  }

  private enqueue(e: SourcedEvent): void {
    const { targetUrl } = this.state.app.webhooks;
    const portal = this.state.portals.get(e.event.portalId);
    if (!targetUrl || !portal?.installed) return;
    this.subscriptions.forEach((sub, i) => {
      if (!subscriptionMatches(sub, e)) return;
      if (this.chaos.drop > 0) {
        this.chaos.drop -= 1;
        return;
      }
      const event = toPayload(e, this.nextEventId++, SUBSCRIPTION_ID_BASE + i, this.state.app.appId);
      const due = Date.now() + this.scaled(this.state.webhookOptions.batchWindowMs);
      this.queue.push({ event, attempt: 0, dueAt: due });
      if (this.chaos.duplicate > 0) {
        this.chaos.duplicate -= 1;
        this.queue.push({ event: { ...event }, attempt: 0, dueAt: due });
      }
    });
    this.schedule();
  }

  private scaled(ms: number): number {
    return ms * this.state.webhookOptions.timeScale;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const next = Math.min(...this.queue.map((p) => p.dueAt));
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.running = this.deliver(false).finally(() => this.schedule());
      },
      Math.max(0, next - Date.now()),
    );
    this.timer.unref();
  }

  private async deliver(all: boolean): Promise<void> {
    const now = Date.now();
    const due = this.queue.filter((p) => all || p.dueAt <= now);
    this.queue = this.queue.filter((p) => !due.includes(p));
    const byPortal = new Map<number, Pending[]>();
    for (const p of due) byPortal.set(p.event.portalId, [...(byPortal.get(p.event.portalId) ?? []), p]);
    const size = this.state.webhookOptions.maxBatchSize;
    const batches: Pending[][] = [];
    for (const items of byPortal.values()) {
      for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
    }
    await Promise.all(batches.map((b) => this.send(this.chaos.reorder ? [...b].reverse() : b)));
  }

  private async send(batch: Pending[]): Promise<void> {
    const url = this.state.app.webhooks.targetUrl;
    if (!url) return;
    const body = JSON.stringify(batch.map((p) => ({ ...p.event, attemptNumber: p.attempt })));
    const timestamp = this.state.clock.now();
    const record: Delivery = {
      at: new Date(timestamp).toISOString(),
      url,
      eventIds: batch.map((p) => p.event.eventId),
      attemptNumbers: batch.map((p) => p.attempt),
      status: null,
    };
    this.deliveries.push(record);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: webhookHeaders(this.state.app.clientSecret, url, body, timestamp),
        body,
        signal: AbortSignal.timeout(5000),
      });
      record.status = res.status;
      await res.arrayBuffer();
      if (res.ok) return;
    } catch (err) {
      record.error = (err as Error).message;
    }
    // HubSpot retries connection failures, timeouts and any 4xx/5xx, up to its attempt limit.
    const opts = this.state.webhookOptions;
    for (const p of batch) {
      if (p.attempt + 1 >= opts.maxAttempts) continue;
      this.queue.push({
        ...p,
        attempt: p.attempt + 1,
        dueAt: Date.now() + this.scaled(opts.retryDelayMs(p.attempt + 1)),
      });
    }
  }
}
