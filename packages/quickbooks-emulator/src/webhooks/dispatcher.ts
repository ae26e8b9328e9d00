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

/** Aggregates change events, signs and delivers them, and retries failures on Intuit's schedule. */
export class WebhookDispatcher {
  private pending: ChangeEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private enabled = true;
  private dropNext = 0;
  private duplicateNext = 0;
  private reorder = false;
  readonly deliveries: Delivery[] = [];

  constructor(private options: WebhookOptions | undefined) {}

  get verifierToken(): string {
    return this.options?.verifierToken ?? DEFAULT_VERIFIER_TOKEN;
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
    if (!this.options || !this.enabled) return;
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

  /** Sends whatever is aggregated now and waits until every delivery attempt in progress ends. */
  async idle(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flush();
    }
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  reset(): void {
    this.close();
    this.flushTimer = undefined;
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
    this.attempt(JSON.stringify(payload), 0);
  }

  private attempt(body: string, attempt: number): void {
    const url = this.options?.url;
    if (!url) return;
    const p = this.post(url, body, attempt).then((ok) => {
      if (ok || attempt + 1 >= MAX_ATTEMPTS) return;
      const delayS = RETRY_SCHEDULE_S[attempt + 1] ?? 21600;
      const t = setTimeout(
        () => {
          this.timers.delete(t);
          this.attempt(body, attempt + 1);
        },
        delayS * 1000 * (this.options?.retryTimeScale ?? 1),
      );
      this.timers.add(t);
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
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
