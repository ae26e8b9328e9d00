import type { EntityName } from '../store/realm.ts';
import { accountDef } from './account.ts';
import { customerDef } from './customer.ts';
import { employeeDef } from './employee.ts';
import type { EntityDef } from './entity-def.ts';
import { invoiceDef } from './invoice.ts';
import { itemDef } from './item.ts';
import { paymentDef } from './payment.ts';
import { paymentMethodDef } from './payment-method.ts';
import { companyInfoDef, preferencesDef, taxCodeDef } from './singletons.ts';
import { vendorDef } from './vendor.ts';

const DEFS: EntityDef[] = [
  accountDef,
  customerDef,
  vendorDef,
  employeeDef,
  itemDef,
  invoiceDef,
  paymentDef,
  paymentMethodDef,
  taxCodeDef,
  preferencesDef,
  companyInfoDef,
];

const BY_NAME = new Map<EntityName, EntityDef>(DEFS.map((d) => [d.name, d]));
const BY_LOWER = new Map<string, EntityDef>(DEFS.map((d) => [d.name.toLowerCase(), d]));

export function entityDef(name: EntityName): EntityDef {
  const def = BY_NAME.get(name);
  if (!def) throw new Error(`no definition for ${name}`);
  return def;
}

/** Entity names are matched case-insensitively (paths are lower-case, queries any case). */
export function findEntity(name: string): EntityDef | undefined {
  return BY_LOWER.get(name.toLowerCase());
}
