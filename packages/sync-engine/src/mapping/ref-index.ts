import type { Link } from '../ports/link.ts';
import type { Side, SyncObject } from '../records/sync-object.ts';

/**
 * Translates side-local ids through links. Merging compares references in a neutral form (the
 * link id), so a customer reference is "the same" on both sides when both point to one link.
 */
export interface RefIndex {
  linkIdOf(object: SyncObject, side: Side, id: string): string | null;
  idOn(object: SyncObject, side: Side, linkId: string): string | null;
  linkOf(object: SyncObject, side: Side, id: string): Link | null;
  /** Makes a link planned in this batch visible to records planned after it. */
  add(link: Link): void;
}

export function buildRefIndex(links: readonly Link[]): RefIndex {
  const bySideId = new Map<string, Link>();
  const byId = new Map<string, Link>();
  const add = (link: Link) => {
    byId.set(link.id, link);
    if (link.hubspotId !== null) bySideId.set(`${link.object}|hubspot|${link.hubspotId}`, link);
    if (link.quickbooksId !== null) bySideId.set(`${link.object}|quickbooks|${link.quickbooksId}`, link);
  };
  for (const link of links) add(link);
  return {
    add,
    linkOf: (object, side, id) => bySideId.get(`${object}|${side}|${id}`) ?? null,
    linkIdOf: (object, side, id) => bySideId.get(`${object}|${side}|${id}`)?.id ?? null,
    idOn: (object, side, linkId) => {
      const link = byId.get(linkId);
      if (!link || link.object !== object) return null;
      return side === 'hubspot' ? link.hubspotId : link.quickbooksId;
    },
  };
}
