/** Who performed a write: an app through the API, or a user in HubSpot's UI. */
export type WriteSource = { kind: 'app'; appId: number } | { kind: 'ui'; userId: number };

export type CrmEvent =
  | { kind: 'creation' | 'deletion'; portalId: number; objectTypeId: string; objectId: string }
  | {
      kind: 'merge';
      portalId: number;
      objectTypeId: string;
      objectId: string;
      primaryObjectId: string;
      mergedObjectIds: string[];
      newObjectId: string;
      numberOfPropertiesMoved: number;
    }
  | {
      kind: 'propertyChange';
      portalId: number;
      objectTypeId: string;
      objectId: string;
      propertyName: string;
      propertyValue: string;
    }
  | {
      kind: 'associationChange';
      portalId: number;
      objectTypeId: string;
      objectId: string;
      toObjectTypeId: string;
      toObjectId: string;
      associationTypeId: number;
      associationType: string;
      associationCategory: string;
      removed: boolean;
    };

export interface SourcedEvent {
  event: CrmEvent;
  source: WriteSource;
  occurredAt: number;
}
