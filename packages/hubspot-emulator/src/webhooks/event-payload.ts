import type { SourcedEvent } from '../crm/crm-event.ts';
import { findObjectType } from '../crm/object-types.ts';
import type { WebhookSubscription } from '../options.ts';

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  objectTypeId: string;
  changeSource: string;
  sourceId?: string;
  changeFlag?: string;
  propertyName?: string;
  propertyValue?: string;
  [extra: string]: unknown;
}

const KIND_TO_TYPE = {
  creation: 'object.creation',
  deletion: 'object.deletion',
  merge: 'object.merge',
  propertyChange: 'object.propertyChange',
  associationChange: 'object.associationChange',
} as const;

export function subscriptionMatches(sub: WebhookSubscription, e: SourcedEvent): boolean {
  if (sub.active === false) return false;
  if (sub.subscriptionType !== KIND_TO_TYPE[e.event.kind]) return false;
  if (findObjectType(sub.objectType)?.id !== e.event.objectTypeId) return false;
  return !(
    e.event.kind === 'propertyChange' &&
    sub.propertyName &&
    sub.propertyName !== e.event.propertyName
  );
}

/** One subscription's view of a CRM change, in HubSpot's generic-webhook shape. */
export function toPayload(
  e: SourcedEvent,
  eventId: number,
  subscriptionId: number,
  appId: number,
): WebhookEvent {
  const ev = e.event;
  const ui = e.source.kind === 'ui';
  const out: WebhookEvent = {
    eventId,
    subscriptionId,
    portalId: ev.portalId,
    appId,
    occurredAt: e.occurredAt,
    subscriptionType: KIND_TO_TYPE[ev.kind],
    attemptNumber: 0,
    objectId: Number(ev.objectId),
    objectTypeId: ev.objectTypeId,
    changeSource: ui ? 'CRM_UI' : 'INTEGRATION',
    sourceId: e.source.kind === 'ui' ? `userId:${e.source.userId}` : String(e.source.appId),
  };
  if (ev.kind === 'creation') out.changeFlag = 'CREATED';
  if (ev.kind === 'deletion') out.changeFlag = 'DELETED';
  if (ev.kind === 'merge') {
    Object.assign(out, {
      primaryObjectId: Number(ev.primaryObjectId),
      mergedObjectIds: ev.mergedObjectIds.map(Number),
      newObjectId: Number(ev.newObjectId),
      numberOfPropertiesMoved: ev.numberOfPropertiesMoved,
    });
  }
  if (ev.kind === 'propertyChange') {
    out.propertyName = ev.propertyName;
    out.propertyValue = ev.propertyValue;
  }
  if (ev.kind === 'associationChange') {
    Object.assign(out, {
      associationType: ev.associationType,
      associationTypeId: ev.associationTypeId,
      associationCategory: ev.associationCategory,
      fromObjectId: Number(ev.objectId),
      toObjectId: Number(ev.toObjectId),
      fromObjectTypeId: ev.objectTypeId,
      toObjectTypeId: ev.toObjectTypeId,
      associationRemoved: ev.removed,
      isPrimaryAssociation: false,
    });
  }
  return out;
}
