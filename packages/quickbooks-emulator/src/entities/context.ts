import type { Json } from '../core/json.ts';
import { isObject } from '../core/json.ts';
import { qboDateTime } from '../core/qbo-time.ts';
import type { ChangeEvent, ChangeOperation, EntityName, Realm } from '../store/realm.ts';

/** What one API operation works with: the realm, the time, the request's `include` flags. */
export interface OpContext {
  realm: Realm;
  now: Date;
  include: ReadonlySet<string>;
  /** Set inside a batch: records created by this batch stay invisible to its other items. */
  batchId?: string | undefined;
  /** Change events, emitted (webhooks) once the operation has succeeded. */
  changes: ChangeEvent[];
}

export function preferences(ctx: OpContext): Json {
  return ctx.realm.table('Preferences').get('1')?.data ?? {};
}

export function prefFlag(ctx: OpContext, section: string, key: string): unknown {
  const s = preferences(ctx)[section];
  return isObject(s) ? s[key] : undefined;
}

export function companyCountry(ctx: OpContext): string {
  const info = ctx.realm.table('CompanyInfo').get('1')?.data;
  return typeof info?.Country === 'string' ? info.Country : ctx.realm.country;
}

export function homeCurrency(ctx: OpContext): Json {
  const cp = preferences(ctx).CurrencyPrefs;
  const home = isObject(cp) && isObject(cp.HomeCurrency) ? cp.HomeCurrency.value : 'USD';
  const names: Record<string, string> = {
    USD: 'United States Dollar',
    CAD: 'Canadian Dollar',
    GBP: 'British Pound Sterling',
    AUD: 'Australian Dollar',
    EUR: 'Euro',
  };
  const code = typeof home === 'string' ? home : 'USD';
  return { value: code, name: names[code] ?? code };
}

export function record(ctx: OpContext, entity: EntityName, id: string, operation: ChangeOperation): void {
  ctx.changes.push({ realmId: ctx.realm.id, entity, id, operation, at: ctx.now });
}

/** Bumps SyncToken and LastUpdatedTime: every modification does, including server-side ones. */
export function touch(ctx: OpContext, data: Json): void {
  data.SyncToken = String(Number(data.SyncToken ?? '0') + 1);
  const meta = isObject(data.MetaData) ? data.MetaData : {};
  data.MetaData = { ...meta, LastUpdatedTime: qboDateTime(ctx.now) };
}
