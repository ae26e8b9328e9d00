import { isDeepStrictEqual } from 'node:util';
import { faults } from '../core/fault-catalogue.ts';
import type { Json } from '../core/json.ts';
import { clone, isObject } from '../core/json.ts';
import { qboDateTime } from '../core/qbo-time.ts';
import { type OpContext, prefFlag, record, touch } from './context.ts';
import type { EntityDef } from './entity-def.ts';

const READ_ONLY = ['Id', 'SyncToken', 'MetaData', 'domain', 'sparse', 'status'];

export function view(ctx: OpContext, def: EntityDef, data: Json): Json {
  const out = clone(data);
  return def.view ? def.view(ctx, out) : out;
}

function checkKnownFields(def: EntityDef, body: Json): void {
  if (!def.knownFields) return;
  for (const key of Object.keys(body))
    if (!def.knownFields.has(key)) throw faults.unsupportedProperty(def.name, key);
}

function strip(body: Json): Json {
  const out = { ...body };
  for (const k of READ_ONLY) delete out[k];
  return out;
}

/** Writes dated on or before the company's book close date are refused (6210). */
function checkClosedBooks(ctx: OpContext, def: EntityDef, ...dates: unknown[]): void {
  if (!def.transaction) return;
  const close = prefFlag(ctx, 'AccountingInfoPrefs', 'BookCloseDate');
  if (typeof close !== 'string' || close === '') return;
  for (const d of dates) if (typeof d === 'string' && d <= close) throw faults.periodClosed();
}

function requireIdAndToken(body: Json): { id: string; token: string } {
  if (body.Id === undefined || body.Id === null || body.Id === '') throw faults.required('Id');
  if (body.SyncToken === undefined || body.SyncToken === null) throw faults.required('SyncToken');
  return { id: String(body.Id), token: String(body.SyncToken) };
}

function loadForWrite(ctx: OpContext, def: EntityDef, body: Json): Json {
  const { id, token } = requireIdAndToken(body);
  const rec = ctx.realm.get(def.name, id, ctx.batchId);
  if (!rec) throw ctx.realm.wasDeleted(def.name, id) ? faults.deletedTransaction() : faults.objectNotFound();
  if (String(rec.data.SyncToken) !== token) throw faults.stale();
  return rec.data;
}

export function createEntity(ctx: OpContext, def: EntityDef, body: Json): Json {
  if (!def.creatable || !def.prepare) throw faults.unsupportedOperation('Create');
  checkKnownFields(def, body);
  const data = def.prepare(ctx, strip(body), undefined);
  checkClosedBooks(ctx, def, data.TxnDate);
  const Id = ctx.realm.nextId(def.name);
  const time = qboDateTime(ctx.now);
  const stored: Json = {
    ...data,
    domain: 'QBO',
    sparse: false,
    Id,
    SyncToken: '0',
    MetaData: { CreateTime: time, LastUpdatedTime: time },
  };
  ctx.realm
    .table(def.name)
    .set(Id, ctx.batchId === undefined ? { data: stored } : { data: stored, batchId: ctx.batchId });
  record(ctx, def.name, Id, 'Create');
  def.afterWrite?.(ctx, stored, undefined);
  return view(ctx, def, stored);
}

export function readEntity(ctx: OpContext, def: EntityDef, id: string): Json {
  if (def.name !== 'TaxCode' && !/^\d+$/.test(id)) throw faults.invalidId(id);
  const rec = ctx.realm.get(def.name, id, ctx.batchId);
  if (!rec) throw ctx.realm.wasDeleted(def.name, id) ? faults.deletedTransaction() : faults.objectNotFound();
  return view(ctx, def, rec.data);
}

export function updateEntity(ctx: OpContext, def: EntityDef, body: Json): Json {
  if (!def.updatable || !def.prepare) throw faults.unsupportedOperation('Update');
  checkKnownFields(def, body);
  const current = loadForWrite(ctx, def, body);
  const previous = clone(current);
  // Sparse: only sent fields change (a sent Line array replaces all lines). Full: omitted fields clear.
  const requested = body.sparse === true ? { ...strip(current), ...strip(body) } : strip(body);
  const prepared = def.prepare(ctx, requested, current);
  checkClosedBooks(ctx, def, previous.TxnDate, prepared.TxnDate);
  if (def.keepsVersionWhenUnchanged && isDeepStrictEqual(prepared, strip(current))) {
    return view(ctx, def, current);
  }
  const next: Json = {
    ...prepared,
    domain: 'QBO',
    sparse: false,
    Id: current.Id,
    SyncToken: current.SyncToken,
    MetaData: current.MetaData,
  };
  touch(ctx, next);
  const rec = ctx.realm.table(def.name).get(String(current.Id));
  if (rec) rec.data = next;
  record(ctx, def.name, String(next.Id), 'Update');
  def.afterWrite?.(ctx, next, previous);
  return view(ctx, def, ctx.realm.table(def.name).get(String(next.Id))?.data ?? next);
}

export function deleteEntity(ctx: OpContext, def: EntityDef, body: Json): Json {
  if (!def.deletable) throw faults.unsupportedOperation('Delete');
  const current = loadForWrite(ctx, def, body);
  checkClosedBooks(ctx, def, current.TxnDate);
  def.beforeDelete?.(ctx, current);
  ctx.realm.remove(def.name, String(current.Id), ctx.now);
  record(ctx, def.name, String(current.Id), 'Delete');
  def.afterDelete?.(ctx, current);
  return { domain: 'QBO', status: 'Deleted', Id: current.Id };
}

export function voidEntity(ctx: OpContext, def: EntityDef, body: Json): Json {
  if (!def.voidable || !def.voidBody) throw faults.unsupportedOperation('Void');
  const current = loadForWrite(ctx, def, body);
  checkClosedBooks(ctx, def, current.TxnDate);
  const previous = clone(current);
  const next = def.voidBody(ctx, clone(current));
  touch(ctx, next);
  const rec = ctx.realm.table(def.name).get(String(current.Id));
  if (rec) {
    rec.data = next;
    rec.voided = true;
  }
  record(ctx, def.name, String(next.Id), 'Void');
  def.afterWrite?.(ctx, next, previous);
  const out = view(ctx, def, next);
  // QBO answers a payment void with a sparse entity.
  if (def.name === 'Payment') out.sparse = true;
  return out;
}

export function isEntityBody(v: unknown): v is Json {
  return isObject(v);
}
