import type { FieldSpec, ProjectionContext } from '../mapping/field-projection.ts';
import { fieldSpecs } from '../mapping/field-projection.ts';
import type { RefIndex } from '../mapping/ref-index.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { AnySideRecord, SideRecord } from '../records/side-record.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';
import { paymentSyncEnabled } from '../rules/payment-sync-enabled.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import type {
  ConflictPolicy,
  CustomMapping,
  Direction,
  InboundFilter,
  PortalSettings,
} from '../settings/portal-settings.ts';

/** One object's effective sync settings; payments derive theirs from invoice sync (R-OBJ-4). */
export interface ObjectSyncConfig {
  readonly enabled: boolean;
  readonly direction: Direction;
  readonly conflictPolicy: ConflictPolicy;
  readonly disabledFields: readonly string[];
  readonly syncStartedAt: string | null;
  readonly customMappings: readonly CustomMapping[];
  readonly inboundFilters: readonly InboundFilter[];
}

export function objectSyncConfig(settings: PortalSettings, object: SyncObject): ObjectSyncConfig {
  const none = { customMappings: [], inboundFilters: [] };
  switch (object) {
    case 'customer':
      return { ...settings.customer, ...none };
    case 'product':
      return { ...settings.product, ...none };
    case 'invoice':
      return settings.invoice;
    case 'payment':
      return {
        ...none,
        enabled: paymentSyncEnabled(settings.invoice),
        direction: 'two_way',
        conflictPolicy: settings.invoice.conflictPolicy,
        disabledFields: [],
        syncStartedAt: settings.invoice.syncStartedAt,
      };
  }
}

/** Everything a record planner may look at; built once per batch by `planSyncBatch`. */
export interface PlanContext {
  readonly portalId: string;
  readonly settings: PortalSettings;
  readonly company: CompanyProfile | null;
  readonly now: string;
  readonly refs: RefIndex;
  readonly projection: ProjectionContext;
  readonly baseOf: (linkId: string) => MergeBase | null;
  readonly recordOf: <O extends SyncObject>(object: O, side: Side, id: string) => SideRecord<O> | null;
  readonly candidates: readonly AnySideRecord[];
  /** Action ids of creates planned so far in this batch (for `defer`). */
  readonly creating: Set<string>;
  /** Lower-cased QBO display names in use, including those chosen earlier in this batch (R-ERR-2). */
  readonly takenDisplayNames: Set<string>;
  readonly config: (object: SyncObject) => ObjectSyncConfig;
}

// Specs depend only on the batch's settings and projection, so one set per object per batch.
const specCache = new WeakMap<object, Map<SyncObject, FieldSpec[]>>();

export function specsFor(ctx: Pick<PlanContext, 'projection' | 'config'>, object: SyncObject): FieldSpec[] {
  let perObject = specCache.get(ctx);
  if (!perObject) {
    perObject = new Map();
    specCache.set(ctx, perObject);
  }
  let specs = perObject.get(object);
  if (!specs) {
    const c = ctx.config(object);
    specs = fieldSpecs(object, c.disabledFields, c.customMappings, ctx.projection);
    perObject.set(object, specs);
  }
  return specs;
}

export function bumpLink(link: Link, now: string, changes: Partial<Link> = {}): Link {
  return { ...link, linkVersion: link.linkVersion + 1, lastSyncedAt: now, ...changes };
}
