import {
  type DbClient,
  pauseRateBudget,
  type RateBudgetLimits,
  returnRatePermit,
  takeRatePermit,
} from '@ledgersync/db';

export interface SharedBudgetOptions {
  readonly db: DbClient;
  /** The budget's name, the same in every process: `qbo:<realm id>`, `hubspot:<hub id>`, … */
  readonly key: string;
  readonly limits: RateBudgetLimits;
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * Longest wait between two takes while only a returned permit can free room: returns made by this
   * process wake its waiters at once, those of other processes are seen at the next take.
   */
  readonly pollMs: number;
}

/**
 * One key's budget as this process sees it: permits come from the database, so every process
 * spends the same budget. This process's takers queue here, first come first served, so it asks
 * the database for one permit at a time instead of once per waiting request.
 */
export class SharedBudget {
  private admission: Promise<unknown> = Promise.resolve();
  private returnWaiters: Array<() => void> = [];

  constructor(private readonly options: SharedBudgetOptions) {}

  get limits(): RateBudgetLimits {
    return this.options.limits;
  }

  /** Waits for a permit; the returned function gives it back once the answer has arrived. */
  async acquire(batch: boolean): Promise<() => void> {
    const turn = this.admission.then(() => this.take(batch));
    this.admission = turn.catch(() => undefined);
    const permitId = await turn;
    let returned = false;
    return () => {
      if (returned) return;
      returned = true;
      // Not awaited: the caller has its answer. A return that fails leaves the permit to its lease.
      void returnRatePermit(this.options.db, permitId)
        .catch(() => undefined)
        .finally(() => this.wakeReturnWaiters());
    };
  }

  /** After a 429: every process waits `ms`. Takes queued after this call see the pause. */
  pause(ms: number): void {
    const paused = this.admission.then(() => pauseRateBudget(this.options.db, this.options.key, ms));
    this.admission = paused.catch(() => undefined);
  }

  private async take(batch: boolean): Promise<bigint> {
    const { db, key, limits, sleep, pollMs } = this.options;
    for (;;) {
      const taken = await takeRatePermit(db, key, batch, limits);
      if (taken.granted) return taken.permitId;
      if (!taken.awaitsReturn) {
        await sleep(taken.waitMs);
        continue;
      }
      await Promise.race([
        sleep(Math.min(taken.waitMs, pollMs)),
        new Promise<void>((resolve) => this.returnWaiters.push(resolve)),
      ]);
    }
  }

  private wakeReturnWaiters(): void {
    const waiters = this.returnWaiters;
    this.returnWaiters = [];
    for (const wake of waiters) wake();
  }
}
