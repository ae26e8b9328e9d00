import type { Json } from '../core/json.ts';

export const ENTITY_NAMES = [
  'Account',
  'Customer',
  'Vendor',
  'Employee',
  'Item',
  'Invoice',
  'Payment',
  'PaymentMethod',
  'TaxCode',
  'Preferences',
  'CompanyInfo',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export type ChangeOperation = 'Create' | 'Update' | 'Delete' | 'Void' | 'Emailed' | 'Merge';

export interface ChangeEvent {
  realmId: string;
  entity: EntityName;
  id: string;
  operation: ChangeOperation;
  /** A merge: the record removed into `id`. */
  deletedId?: string;
  at: Date;
}

export interface StoredRecord {
  data: Json;
  /** Set while a batch runs: items of the same batch must not see records created by each other. */
  batchId?: string;
  voided?: boolean;
}

export interface StoredResponse {
  status: number;
  body: string;
  contentType: string;
}

/** One QBO company: its records, deleted ids (for CDC), id counters and the requestid cache. */
export class Realm {
  readonly records = new Map<EntityName, Map<string, StoredRecord>>();
  readonly tombstones = new Map<EntityName, Map<string, Date>>();
  readonly requestIds = new Map<string, StoredResponse>();
  private readonly counters = new Map<EntityName, number>();

  constructor(
    readonly id: string,
    readonly country: string,
  ) {}

  table(entity: EntityName): Map<string, StoredRecord> {
    let t = this.records.get(entity);
    if (!t) {
      t = new Map();
      this.records.set(entity, t);
    }
    return t;
  }

  nextId(entity: EntityName): string {
    const n = (this.counters.get(entity) ?? 0) + 1;
    this.counters.set(entity, n);
    return String(n);
  }

  get(entity: EntityName, id: string, batchId?: string): StoredRecord | undefined {
    const rec = this.table(entity).get(id);
    if (rec?.batchId !== undefined && rec.batchId === batchId) return undefined;
    return rec;
  }

  list(entity: EntityName, batchId?: string): StoredRecord[] {
    return [...this.table(entity).values()].filter((r) => r.batchId === undefined || r.batchId !== batchId);
  }

  remove(entity: EntityName, id: string, at: Date): void {
    this.table(entity).delete(id);
    let t = this.tombstones.get(entity);
    if (!t) {
      t = new Map();
      this.tombstones.set(entity, t);
    }
    t.set(id, at);
  }

  wasDeleted(entity: EntityName, id: string): boolean {
    return this.tombstones.get(entity)?.has(id) ?? false;
  }
}
