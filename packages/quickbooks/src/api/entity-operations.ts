import { ENTITY_SCHEMAS, type EntityName, type EntityOf, entityPath } from '../entities/registry.ts';
import type { QboTransport } from '../http/qbo-transport.ts';
import { member, parseEntity } from './read-envelope.ts';

export type WritableEntity = 'Invoice' | 'Payment' | 'PaymentMethod' | 'Customer' | 'Item' | 'Account';
/** A request body: QBO field names; amounts as JsonDecimal so they are sent exactly. */
export type EntityBody = Readonly<Record<string, unknown>>;
export interface VersionRef {
  readonly Id: string;
  readonly SyncToken: string;
}

function unwrap<E extends EntityName>(entity: E, body: unknown): EntityOf<E> {
  return parseEntity(ENTITY_SCHEMAS[entity], member(body, entity), entity) as EntityOf<E>;
}

/** Single-entity reads and writes. Every write takes the caller's requestid. */
export function entityOperations(send: QboTransport) {
  return {
    async read<E extends EntityName>(entity: E, id: string): Promise<EntityOf<E>> {
      const body = await send({ method: 'GET', path: `${entityPath(entity)}/${encodeURIComponent(id)}` });
      return unwrap(entity, body);
    },

    async create<E extends WritableEntity>(entity: E, fields: EntityBody, requestId: string) {
      const body = await send({ method: 'POST', path: entityPath(entity), body: fields, requestId });
      return unwrap(entity, body);
    },

    /** Full update: fields left out are cleared by QBO. */
    async update<E extends WritableEntity>(entity: E, fields: EntityBody & VersionRef, requestId: string) {
      const body = await send({
        method: 'POST',
        path: entityPath(entity),
        query: { operation: 'update' },
        body: { ...fields, sparse: false },
        requestId,
      });
      return unwrap(entity, body);
    },

    /** Sparse update: only the fields sent change (a sent Line array replaces all lines). */
    async sparseUpdate<E extends WritableEntity>(
      entity: E,
      fields: EntityBody & VersionRef,
      requestId: string,
    ) {
      const body = await send({
        method: 'POST',
        path: entityPath(entity),
        query: { operation: 'update' },
        body: { ...fields, sparse: true },
        requestId,
      });
      return unwrap(entity, body);
    },

    async delete(entity: 'Invoice' | 'Payment', ref: VersionRef, requestId: string) {
      const body = await send({
        method: 'POST',
        path: entityPath(entity),
        query: { operation: 'delete' },
        body: { Id: ref.Id, SyncToken: ref.SyncToken },
        requestId,
      });
      const deleted = member(body, entity);
      return { id: String(member(deleted, 'Id') ?? ref.Id), status: String(member(deleted, 'status') ?? '') };
    },

    /** Keeps the invoice, zeroes its amounts (QBO's void). */
    async voidInvoice(ref: VersionRef, requestId: string) {
      const body = await send({
        method: 'POST',
        path: 'invoice',
        query: { operation: 'void' },
        body: { Id: ref.Id, SyncToken: ref.SyncToken },
        requestId,
      });
      return unwrap('Invoice', body);
    },

    async voidPayment(ref: VersionRef, requestId: string) {
      const body = await send({
        method: 'POST',
        path: 'payment',
        query: { operation: 'update', include: 'void' },
        body: { Id: ref.Id, SyncToken: ref.SyncToken, sparse: true },
        requestId,
      });
      return unwrap('Payment', body);
    },

    async preferences() {
      return unwrap('Preferences', await send({ method: 'GET', path: 'preferences' }));
    },

    async companyInfo(realmId: string) {
      return unwrap(
        'CompanyInfo',
        await send({ method: 'GET', path: `companyinfo/${encodeURIComponent(realmId)}` }),
      );
    },
  };
}
