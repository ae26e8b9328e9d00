import { notFound, validation } from '../http/hubspot-error.ts';
import type { AssociationTypeDef } from './association-types.ts';
import {
  checkArchivable,
  checkSingleParent,
  dependentInvoices,
  prepareCreate,
  prepareUpdate,
} from './commerce-hooks.ts';
import type { CrmEvent, SourcedEvent, WriteSource } from './crm-event.ts';
import { computedInvoiceProps } from './invoice-rules.ts';
import { objectTypeById } from './object-types.ts';
import type { Portal, StoredObject } from './portal.ts';
import { systemProperties } from './system-properties.ts';
import { checkUnique, validateProperties } from './validate-properties.ts';

export interface CrmDeps {
  now: () => number;
  nextId: () => string;
  emit: (e: SourcedEvent) => void;
}

export interface NewAssociation {
  def: AssociationTypeDef;
  toId: string;
}

/** Every CRM write goes through here, so API, UI and control paths share HubSpot's rules. */
export class CrmService {
  constructor(private readonly deps: CrmDeps) {}

  create(
    portal: Portal,
    typeId: string,
    input: Record<string, unknown>,
    source: WriteSource,
    associations: NewAssociation[] = [],
  ): StoredObject {
    const props = this.checkCreate(portal, typeId, input, source, associations);
    const now = this.deps.now();
    const id = this.deps.nextId();
    const obj: StoredObject = { id, typeId, properties: {}, createdAt: now, updatedAt: now, archived: false };
    Object.assign(obj.properties, props, systemProperties(typeId, id, now, source, true));
    portal.store(typeId).set(id, obj);
    this.emit(portal, source, {
      kind: 'creation',
      portalId: portal.settings.id,
      objectTypeId: typeId,
      objectId: id,
    });
    for (const a of associations) this.associate(portal, a.def, id, a.toId, source);
    this.recompute(portal, typeId, id, source);
    return obj;
  }

  /** Everything `create` would refuse, without writing: lets batch create be all-or-nothing. */
  checkCreate(
    portal: Portal,
    typeId: string,
    input: Record<string, unknown>,
    source: WriteSource,
    associations: NewAssociation[] = [],
  ): Record<string, string> {
    const props = validateProperties(portal, typeId, input);
    prepareCreate(portal, typeId, props, source, this.deps.now());
    checkUnique(portal, typeId, props);
    for (const a of associations) {
      if (!portal.live(a.def.toTypeId, a.toId))
        throw validation(`No ${a.def.toTypeId} with id ${a.toId} exists.`);
    }
    return props;
  }

  update(
    portal: Portal,
    obj: StoredObject,
    input: Record<string, unknown>,
    source: WriteSource,
  ): StoredObject {
    const props = validateProperties(portal, obj.typeId, input);
    const now = this.deps.now();
    Object.assign(props, prepareUpdate(portal, obj, props, now));
    checkUnique(portal, obj.typeId, props, obj.id);
    this.apply(portal, obj, props, source, now);
    this.recompute(portal, obj.typeId, obj.id, source);
    return obj;
  }

  archive(portal: Portal, obj: StoredObject, source: WriteSource): void {
    checkArchivable(obj);
    const invoices = dependentInvoices(portal, obj.typeId, obj.id).filter((id) => id !== obj.id);
    const now = this.deps.now();
    obj.archived = true;
    obj.archivedAt = now;
    portal.associations.removeAll(obj.typeId, obj.id);
    this.emit(portal, source, {
      kind: 'deletion',
      portalId: portal.settings.id,
      objectTypeId: obj.typeId,
      objectId: obj.id,
    });
    for (const id of invoices) this.recomputeInvoice(portal, id, source);
  }

  /**
   * Merges `merged` into `primary` (POST /crm/v3/objects/{type}/merge): the primary keeps its id
   * and its values, takes the other's values where it has none and all its associations, and
   * lists the merged id in `hs_merged_object_ids`; the merged id then reads as the primary.
   */
  merge(portal: Portal, primary: StoredObject, merged: StoredObject, source: WriteSource): StoredObject {
    if (primary.id === merged.id) throw validation('A record cannot be merged into itself.');
    const now = this.deps.now();
    let moved = 0;
    for (const [name, value] of Object.entries(merged.properties)) {
      if (name.startsWith('hs_') || name === 'createdate' || name === 'lastmodifieddate') continue;
      if ((primary.properties[name] ?? '') === '' && value !== '') {
        primary.properties[name] = value;
        moved++;
      }
    }
    for (const edge of portal.associations.removeAll(merged.typeId, merged.id)) {
      const def = portal.associationTypes.find(
        (d) => d.fromTypeId === merged.typeId && d.toTypeId === edge.toTypeId && d.isDefault,
      );
      if (def) portal.associations.add(def, primary.id, edge.toId);
    }
    const previous = (primary.properties.hs_merged_object_ids ?? '').split(';').filter((id) => id !== '');
    primary.properties.hs_merged_object_ids = [...previous, merged.id].join(';');
    primary.updatedAt = now;
    primary.properties.lastmodifieddate = new Date(now).toISOString();
    merged.archived = true;
    merged.archivedAt = now;
    merged.mergedInto = primary.id;
    this.emit(portal, source, {
      kind: 'merge',
      portalId: portal.settings.id,
      objectTypeId: primary.typeId,
      objectId: primary.id,
      primaryObjectId: primary.id,
      mergedObjectIds: [merged.id],
      newObjectId: primary.id,
      numberOfPropertiesMoved: moved,
    });
    return primary;
  }

  associate(
    portal: Portal,
    def: AssociationTypeDef,
    fromId: string,
    toId: string,
    source: WriteSource,
  ): void {
    this.requireBoth(portal, def, fromId, toId);
    if (def.fromTypeId === '0-8') checkSingleParent(portal, fromId, def.toTypeId, toId);
    if (def.toTypeId === '0-8') checkSingleParent(portal, toId, def.fromTypeId, fromId);
    if (!portal.associations.add(def, fromId, toId)) return;
    this.emitAssociation(portal, def, fromId, toId, source, false);
    this.recomputeAround(portal, def, fromId, toId, source);
  }

  unassociate(
    portal: Portal,
    def: AssociationTypeDef,
    fromId: string,
    toId: string,
    source: WriteSource,
  ): void {
    if (!portal.associations.remove(def, fromId, toId)) return;
    this.emitAssociation(portal, def, fromId, toId, source, true);
    this.recomputeAround(portal, def, fromId, toId, source);
  }

  private requireBoth(portal: Portal, def: AssociationTypeDef, fromId: string, toId: string): void {
    if (!portal.live(def.fromTypeId, fromId))
      throw notFound(`No ${def.fromTypeId} with id ${fromId} exists.`);
    if (!portal.live(def.toTypeId, toId)) throw notFound(`No ${def.toTypeId} with id ${toId} exists.`);
  }

  private apply(
    portal: Portal,
    obj: StoredObject,
    props: Record<string, string>,
    source: WriteSource,
    now: number,
  ): void {
    const changed = Object.entries(props).filter(([k, v]) => (obj.properties[k] ?? '') !== v);
    if (changed.length === 0) return;
    for (const [k, v] of changed) {
      if (v === '') delete obj.properties[k];
      else obj.properties[k] = v;
    }
    obj.updatedAt = now;
    Object.assign(obj.properties, systemProperties(obj.typeId, obj.id, now, source, false));
    for (const [propertyName, propertyValue] of changed) {
      this.emit(portal, source, {
        kind: 'propertyChange',
        portalId: portal.settings.id,
        objectTypeId: obj.typeId,
        objectId: obj.id,
        propertyName,
        propertyValue,
      });
    }
  }

  private recompute(portal: Portal, typeId: string, id: string, source: WriteSource): void {
    for (const invoiceId of dependentInvoices(portal, typeId, id))
      this.recomputeInvoice(portal, invoiceId, source);
  }

  private recomputeAround(
    portal: Portal,
    def: AssociationTypeDef,
    a: string,
    b: string,
    source: WriteSource,
  ): void {
    if (def.fromTypeId === '0-53') this.recomputeInvoice(portal, a, source);
    if (def.toTypeId === '0-53') this.recomputeInvoice(portal, b, source);
  }

  private recomputeInvoice(portal: Portal, invoiceId: string, source: WriteSource): void {
    const invoice = portal.live('0-53', invoiceId);
    if (!invoice || invoice.properties.hs_invoice_status === 'voided') return;
    this.apply(portal, invoice, computedInvoiceProps(portal, invoice), source, this.deps.now());
  }

  private emitAssociation(
    portal: Portal,
    def: AssociationTypeDef,
    fromId: string,
    toId: string,
    source: WriteSource,
    removed: boolean,
  ): void {
    const name = `${objectTypeById(def.fromTypeId).singular}_to_${objectTypeById(def.toTypeId).singular}`;
    this.emit(portal, source, {
      kind: 'associationChange',
      portalId: portal.settings.id,
      objectTypeId: def.fromTypeId,
      objectId: fromId,
      toObjectTypeId: def.toTypeId,
      toObjectId: toId,
      associationTypeId: def.typeId,
      associationType: name.toUpperCase(),
      associationCategory: def.category,
      removed,
    });
  }

  private emit(_portal: Portal, source: WriteSource, event: CrmEvent): void {
    this.deps.emit({ event, source, occurredAt: this.deps.now() });
  }
}
