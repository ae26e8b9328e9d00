import { AssociationGraph } from './association-graph.ts';
import { type AssociationTypeDef, builtInAssociationTypes } from './association-types.ts';
import { BUILT_IN_PROPERTIES } from './built-in-properties.ts';
import { OBJECT_TYPES } from './object-types.ts';
import { builtIn, type PropertyDefinition, type PropertyGroup } from './property-definition.ts';

export type PlanTier = 'free' | 'starter' | 'professional' | 'enterprise';

export interface StoredObject {
  id: string;
  typeId: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Set on a record merged away: reads of its id answer with the surviving record, as HubSpot's do. */
  mergedInto?: string;
}

export interface PortalSettings {
  id: number;
  tier: PlanTier;
  invoicePrefix: string;
  currency: string;
  domain: string;
}

/** One HubSpot account: its records, schema, associations and invoice numbering. */
export class Portal {
  readonly settings: PortalSettings;
  readonly objects = new Map<string, Map<string, StoredObject>>();
  readonly properties = new Map<string, Map<string, PropertyDefinition>>();
  readonly groups = new Map<string, Map<string, PropertyGroup>>();
  readonly associationTypes: AssociationTypeDef[] = builtInAssociationTypes();
  readonly associations = new AssociationGraph();
  nextInvoiceNumber = 1001;
  installed = true;

  constructor(settings: PortalSettings) {
    this.settings = settings;
    for (const type of OBJECT_TYPES) {
      this.objects.set(type.id, new Map());
      const groupName = `${type.singular}information`;
      this.groups.set(
        type.id,
        new Map([
          [
            groupName,
            { name: groupName, label: `${type.singular} information`, displayOrder: 0, archived: false },
          ],
        ]),
      );
      const defs = new Map<string, PropertyDefinition>();
      Object.entries(BUILT_IN_PROPERTIES[type.name] ?? {}).forEach(([name, spec], i) => {
        defs.set(name, builtIn(name, spec, i, groupName));
      });
      this.properties.set(type.id, defs);
    }
  }

  store(typeId: string): Map<string, StoredObject> {
    const s = this.objects.get(typeId);
    if (!s) throw new Error(`no store for ${typeId}`);
    return s;
  }

  propertyDefs(typeId: string): Map<string, PropertyDefinition> {
    const s = this.properties.get(typeId);
    if (!s) throw new Error(`no properties for ${typeId}`);
    return s;
  }

  groupDefs(typeId: string): Map<string, PropertyGroup> {
    const s = this.groups.get(typeId);
    if (!s) throw new Error(`no groups for ${typeId}`);
    return s;
  }

  live(typeId: string, id: string): StoredObject | undefined {
    const o = this.store(typeId).get(id);
    return o && !o.archived ? o : undefined;
  }
}
