import type { AssociationTypeDef } from './association-types.ts';

const key = (typeId: string, id: string): string => `${typeId}:${id}`;

export interface AssociationEdge {
  toTypeId: string;
  toId: string;
  typeIds: number[];
}

/** Both directions of every link, so reads from either side are one lookup. */
export class AssociationGraph {
  private readonly edges = new Map<string, Map<string, Set<number>>>();

  add(def: AssociationTypeDef, fromId: string, toId: string): boolean {
    const added = this.addOne(key(def.fromTypeId, fromId), key(def.toTypeId, toId), def.typeId);
    this.addOne(key(def.toTypeId, toId), key(def.fromTypeId, fromId), def.inverseTypeId);
    return added;
  }

  remove(def: AssociationTypeDef, fromId: string, toId: string): boolean {
    const removed = this.removeOne(key(def.fromTypeId, fromId), key(def.toTypeId, toId), def.typeId);
    this.removeOne(key(def.toTypeId, toId), key(def.fromTypeId, fromId), def.inverseTypeId);
    return removed;
  }

  /** Type ids between one record and another (from the first one's side). */
  between(fromTypeId: string, fromId: string, toTypeId: string, toId: string): number[] {
    return [...(this.edges.get(key(fromTypeId, fromId))?.get(key(toTypeId, toId)) ?? [])];
  }

  list(fromTypeId: string, fromId: string, toTypeId?: string): AssociationEdge[] {
    const out: AssociationEdge[] = [];
    for (const [target, types] of this.edges.get(key(fromTypeId, fromId)) ?? []) {
      const sep = target.indexOf(':');
      const tType = target.slice(0, sep);
      if (toTypeId !== undefined && tType !== toTypeId) continue;
      out.push({ toTypeId: tType, toId: target.slice(sep + 1), typeIds: [...types] });
    }
    return out.sort((a, b) => Number(a.toId) - Number(b.toId));
  }

  /** Drops every link of a record (archive). Returns what was removed, seen from the record. */
  removeAll(typeId: string, id: string): AssociationEdge[] {
    const removed = this.list(typeId, id);
    for (const edge of removed) this.edges.get(key(edge.toTypeId, edge.toId))?.delete(key(typeId, id));
    this.edges.delete(key(typeId, id));
    return removed;
  }

  private addOne(from: string, to: string, typeId: number): boolean {
    let targets = this.edges.get(from);
    if (!targets) {
      targets = new Map();
      this.edges.set(from, targets);
    }
    let types = targets.get(to);
    if (!types) {
      types = new Set();
      targets.set(to, types);
    }
    const had = types.has(typeId);
    types.add(typeId);
    return !had;
  }

  private removeOne(from: string, to: string, typeId: number): boolean {
    const targets = this.edges.get(from);
    const types = targets?.get(to);
    if (!targets || !types?.has(typeId)) return false;
    types.delete(typeId);
    if (types.size === 0) targets.delete(to);
    return true;
  }
}
