import type { WebhookOptions } from '../options.ts';
import { DEFAULT_VERIFIER_TOKEN } from '../options.ts';
import type { ChangeEvent } from '../store/realm.ts';
import { classicPayload, cloudEventsPayload } from './payloads.ts';
import { intuitSignature } from './sign.ts';

// Intuit retries at 0 s, 10 s, 20 s, 30 s, 5 min, 20 min, 2 h, 4 h, 6 h, then every 6 h.
const RETRY_SCHEDULE_S = [0, 10, 20, 30, 300, 1200, 7200, 14400, 21600];
const MAX_ATTEMPTS = 20;
const RESPONSE_DEADLINE_MS = 3000;

export interface Delivery {
  at: string;
  attempt: number;
  status?: number;
  error?: string;
  body: string;
}

export interface WebhookControls {
  enabled?: boolean | undefined;
  dropNext?: number | undefined;
  duplicateNext?: number | undefined;
  reorder?: boolean | undefined;
}

/**
 * Aggregates change events, signs and delivers them, and retries failures on Intuit's schedule.
 * Deliveries go out one at a time in order: later events wait until the earlier delivery is
 * acknowledged or given up, as Intuit holds them back.
 */
export class WebhookDispatcher {
  private pending: ChangeEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;
  private enabled = true;
  private dropNext = 0;
  private duplicateNext = 0;
  private reorder = false;
  readonly deliveries: Delivery[] = [];

  constructor(private options: WebhookOptions | undefined) {}

  get verifierToken(): string {
    return this.options?.verifierToken ?? DEFAULT_VERIFIER_TOKEN;
  }

  currentOptions(): WebhookOptions | undefined {
    return this.options;
  }

  configure(options: WebhookOptions | undefined): void {
    this.options = options;
  }

  control(c: WebhookControls): void {
    if (c.enabled !== undefined) this.enabled = c.enabled;
    if (c.dropNext !== undefined) this.dropNext = c.dropNext;
    if (c.duplicateNext !== undefined) this.duplicateNext = c.duplicateNext;
    if (c.reorder !== undefined) this.reorder = c.reorder;
  }

  enqueue(event: ChangeEvent): void {
    if (!this.options || !this.enabled || this.closed) return;
    if (this.dropNext > 0) {
      this.dropNext -= 1;
      return;
    }
    this.pending.push(event);
    if (this.duplicateNext > 0) {
      this.duplicateNext -= 1;
      this.pending.push(event);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.aggregationWindowMs ?? 100);
  }

  /** Sends whatever is aggregated now and waits until every queued delivery has finished. */
  async idle(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flush();
    }
    await this.chain;
  }

  close(): void {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
  }

  reset(): void {
    this.close();
    this.closed = false;
    this.chain = Promise.resolve();
    this.pending = [];
    this.deliveries.length = 0;
    this.enabled = true;
    this.dropNext = 0;
    this.duplicateNext = 0;
    this.reorder = false;
  }

  private flush(): void {
    this.flushTimer = undefined;
    const events = this.reorder ? [...this.pending].reverse() : this.pending;
    this.pending = [];
    if (events.length === 0 || !this.options) return;
    const payload =
      this.options.format === 'cloudevents' ? cloudEventsPayload(events) : classicPayload(events);
    const body = JSON.stringify(payload);
    this.chain = this.chain.then(() => this.deliver(body));
  }

  private async deliver(body: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS && !this.closed; attempt += 1) {
      const delayS = RETRY_SCHEDULE_S[attempt] ?? 21600;
      if (delayS > 0) await this.sleep(delayS * 1000 * (this.options?.retryTimeScale ?? 1));
      if (this.closed || !this.options?.url) return;
      if (await this.post(this.options.url, body, attempt)) return;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  private async post(url: string, body: string, attempt: number): Promise<boolean> {
    const record: Delivery = { at: new Date().toISOString(), attempt, body };
    this.deliveries.push(record);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'intuit-signature': intuitSignature(body, this.verifierToken),
        },
        body,
        signal: AbortSignal.timeout(RESPONSE_DEADLINE_MS),
      });
      record.status = res.status;
      await res.arrayBuffer();
      return res.status >= 200 && res.status < 300;
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }
}
