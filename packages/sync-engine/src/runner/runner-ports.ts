import type { Clock } from '../ports/clock.ts';
import type { QuickBooksCompanyPort } from '../ports/quickbooks-company.ts';
import type { SideReader } from '../ports/side-reader.ts';
import type { CustomLineItemPort, SideWriter } from '../ports/side-writer.ts';
import type { SyncStore } from '../ports/sync-store.ts';
import type { Side } from '../records/sync-object.ts';

/** Everything one drain touches; the runner itself does no IO and reads no clock of its own. */
export interface RunnerPorts {
  readonly store: SyncStore;
  readonly readers: Readonly<Record<Side, SideReader>>;
  readonly writers: Readonly<Record<Side, SideWriter>>;
  readonly company: QuickBooksCompanyPort;
  readonly customLineItem: CustomLineItemPort;
  readonly clock: Clock;
}

export interface DrainOptions {
  /** Notices claimed per pass. */
  readonly batchSize?: number;
  /** Plan → write → apply rounds per pass, for records that wait on creates of the same pass. */
  readonly maxRounds?: number;
  /** Backoff before a transient failure is retried: `min(base · 2^attempts, max)`. */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
}

/** What a drain did, for logs and tests. */
export interface DrainReport {
  readonly claimed: number;
  readonly processed: number;
  readonly deferred: number;
  readonly writes: number;
  readonly failures: number;
  /** A connection-level failure (expired / revoked authorization) seen while reading or writing. */
  readonly connectionError: { readonly side: Side; readonly code: string } | null;
  /**
   * Per notice whose change this pass wrote to the other side: the side the change came from and
   * the time from the change (its `occurredAt`) to the write, in ms. Echoes and changes that needed
   * no write are not in it.
   */
  readonly changeToWrite: readonly { readonly from: Side; readonly ms: number }[];
  /**
   * The same writes split by stage, in ms: `notice`, from the change to its notice being stored
   * (the other API's webhook delivery and our route); `queue`, from then to the pass that took it
   * starting; `write`, from the pass starting to the write on the other side.
   */
  readonly stages: readonly ChangeStages[];
}

export type ChangeStage = 'notice' | 'queue' | 'write';

export interface ChangeStages {
  readonly from: Side;
  readonly ms: Readonly<Record<ChangeStage, number>>;
}

export function backoffDelayMs(attempts: number, options: DrainOptions): number {
  const base = options.backoffBaseMs ?? 30_000;
  const max = options.backoffMaxMs ?? 3_600_000;
  return Math.min(base * 2 ** Math.min(attempts, 20), max);
}
