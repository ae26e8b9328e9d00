import type { Json } from '../core/json.ts';
import type { EntityName } from '../store/realm.ts';
import type { OpContext } from './context.ts';

export type FieldKind = 'id' | 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'ref' | 'email';

/** How one QBO entity behaves: which fields it accepts, its rules, what it lets you filter on. */
export interface EntityDef {
  name: EntityName;
  /** Name lists (Customer, Vendor, Employee, Item, Account) return only active records unless `Active` is filtered. */
  nameList: boolean;
  creatable: boolean;
  updatable: boolean;
  deletable: boolean;
  voidable: boolean;
  /** Transactions carry a `TxnDate` and respect the book close date. */
  transaction: boolean;
  /**
   * An update that changes nothing keeps SyncToken and LastUpdatedTime (recorded for Employee in
   * fixtures/qbo/qbo_api-vcr/deactivate/employee.yml); left off where no recording shows it.
   */
  keepsVersionWhenUnchanged?: boolean;
  knownFields?: ReadonlySet<string>;
  queryFields: Readonly<Record<string, FieldKind>>;
  /** Builds the stored body from the requested one (full-update semantics); throws QboFault. */
  prepare?(ctx: OpContext, body: Json, existing: Json | undefined): Json;
  afterWrite?(ctx: OpContext, data: Json, previous: Json | undefined): void;
  beforeDelete?(ctx: OpContext, data: Json): void;
  afterDelete?(ctx: OpContext, data: Json): void;
  voidBody?(ctx: OpContext, data: Json): Json;
  /** Adds computed fields on the way out (e.g. customer balance). */
  view?(ctx: OpContext, data: Json): Json;
}

export const COMMON_QUERY_FIELDS: Record<string, FieldKind> = {
  Id: 'id',
  'MetaData.CreateTime': 'datetime',
  'MetaData.LastUpdatedTime': 'datetime',
};

export function fieldSet(list: string): ReadonlySet<string> {
  return new Set(
    `Id SyncToken MetaData domain sparse status CustomField ${list}`.split(/\s+/).filter((s) => s.length > 0),
  );
}
