import { buildRefIndex } from '../mapping/ref-index.ts';
import type { Clock } from '../ports/clock.ts';
import type { Link, MergeBase } from '../ports/link.ts';
import type { AnySideRecord, SideRecord } from '../records/side-record.ts';
import { OBJECT_ORDER, otherSide, type SyncObject } from '../records/sync-object.ts';
import type { CompanyProfile } from '../settings/company-profile.ts';
import type { PortalSettings } from '../settings/portal-settings.ts';
import { objectSyncConfig, type PlanContext } from './plan-context.ts';
import { planDeleteOrMerge } from './plan-delete-or-merge.ts';
import { planLinkedPair } from './plan-linked-pair.ts';
import { planOrphanedHubSpotPayment } from './plan-payment-deleted-in-quickbooks.ts';
import { actionId, type PlanAction, type SyncPlan } from './plan-types.ts';
import { planUnlinkedRecord } from './plan-unlinked-record.ts';

export interface PlanBatchInput {
  readonly portalId: string;
  readonly settings: PortalSettings;
  /** Null when QBO is not readable right now; company-dependent checks are then skipped. */
  readonly company: CompanyProfile | null;
  readonly clock: Clock;
  /** Changed records of both sides, plus the current counterparts of linked ones and referenced customers. */
  readonly records: readonly AnySideRecord[];
  /** Links of those records and of every record they reference. */
  readonly links: readonly Link[];
  readonly mergeBases: readonly MergeBase[];
  /** Records found by `naturalKeysFor` (email, SKU, display name) on either side. */
  readonly candidates: readonly AnySideRecord[];
  /** QBO id of the Custom Line Item (from `CustomLineItemPort.ensureCustomLineItem`), or null. */
  readonly customLineItemId: string | null;
}

/**
 * Decides, as data, everything to do for one batch of changed records: per record a write,
 * link, skip, exclude, fail or defer, with reasons, ordered customers and products → invoices →
 * payments. Pure: the same input gives the same plan.
 */
export function planSyncBatch(input: PlanBatchInput): SyncPlan {
  const now = input.clock.now().toISOString();
  const refs = buildRefIndex(input.links);
  const bases = new Map(input.mergeBases.map((b) => [b.linkId, b]));
  const byKey = new Map<string, AnySideRecord>();
  for (const r of [...input.candidates, ...input.records]) byKey.set(`${r.object}|${r.side}|${r.id}`, r);
  const takenDisplayNames = new Set<string>();
  for (const r of [...input.candidates, ...input.records]) {
    if (r.object === 'customer' && r.side === 'quickbooks' && r.record.displayName) {
      takenDisplayNames.add(r.record.displayName.toLowerCase());
    }
  }
  const ctx: PlanContext = {
    portalId: input.portalId,
    settings: input.settings,
    company: input.company,
    now,
    refs,
    projection: {
      refs,
      customLineItemId: input.customLineItemId,
      taxMapping: input.settings.invoice.taxMapping,
    },
    baseOf: (linkId) => bases.get(linkId) ?? null,
    recordOf: <O extends SyncObject>(object: O, side: 'hubspot' | 'quickbooks', id: string) =>
      (byKey.get(`${object}|${side}|${id}`) as SideRecord<O> | undefined) ?? null,
    candidates: [...input.candidates, ...input.records],
    creating: new Set(),
    takenDisplayNames,
    config: (object) => objectSyncConfig(input.settings, object),
  };

  const ordered = dedupe(input.records).sort(
    (a, b) =>
      OBJECT_ORDER[a.object] - OBJECT_ORDER[b.object] ||
      a.object.localeCompare(b.object) ||
      a.side.localeCompare(b.side) ||
      a.id.localeCompare(b.id),
  );
  const done = new Set<string>();
  const actions: PlanAction[] = [];
  for (const rec of ordered) {
    const key = `${rec.object}|${rec.side}|${rec.id}`;
    if (done.has(key)) continue;
    done.add(key);
    const link = refs.linkOf(rec.object, rec.side, rec.id);
    if (rec.deleted || rec.mergedInto !== undefined) {
      actions.push(...planDeleteOrMerge(ctx, rec, link));
      continue;
    }
    const otherId = link ? (rec.side === 'hubspot' ? link.quickbooksId : link.hubspotId) : null;
    if (link === null || otherId === null) {
      const planned = planUnlinkedRecord(ctx, rec, link);
      // A first match planned the pair already: its counterpart must not be planned again.
      for (const a of planned) {
        if (a.kind !== 'link') continue;
        done.add(`${rec.object}|hubspot|${a.link.hubspotId}`);
        done.add(`${rec.object}|quickbooks|${a.link.quickbooksId}`);
      }
      actions.push(...planned);
      continue;
    }
    const other = ctx.recordOf(rec.object, otherSide(rec.side), otherId);
    done.add(`${rec.object}|${otherSide(rec.side)}|${otherId}`);
    const head = {
      id: actionId(rec.object, rec.side, rec.id),
      object: rec.object,
      source: { side: rec.side, id: rec.id },
    };
    const orphaned =
      link.state === 'counterpart_deleted' && rec.object === 'payment' && rec.side === 'hubspot'
        ? planOrphanedHubSpotPayment(ctx, rec as SideRecord<'payment'>, link, (l) =>
            planUnlinkedRecord(ctx, rec, l),
          )
        : null;
    if (orphaned) {
      actions.push(...orphaned);
    } else if (link.state === 'counterpart_deleted') {
      actions.push({
        ...head,
        kind: 'exclude',
        linkId: link.id,
        reason: 'counterpart deleted',
        exclusion: { reason: 'counterpart_deleted' },
      });
    } else if (other === null) {
      actions.push({
        ...head,
        kind: 'skip',
        linkId: link.id,
        nextBase: null,
        reason: 'counterpart not read',
      });
    } else if (other.deleted || other.mergedInto !== undefined) {
      actions.push(...planDeleteOrMerge(ctx, other as AnySideRecord, link));
    } else {
      const pair =
        rec.side === 'hubspot' ? { hubspot: rec, quickbooks: other } : { hubspot: other, quickbooks: rec };
      actions.push(...planLinkedPair(ctx, rec.object, link, pair, rec.side));
    }
  }
  return { portalId: input.portalId, plannedAt: now, actions };
}

function dedupe(records: readonly AnySideRecord[]): AnySideRecord[] {
  const seen = new Map<string, AnySideRecord>();
  for (const r of records) seen.set(`${r.object}|${r.side}|${r.id}`, r);
  return [...seen.values()];
}
