import type { RecordOf } from './side-record.ts';
import type { SyncObject } from './sync-object.ts';

/**
 * What names a record to a person (R-VIS-5): `name` (an invoice's number, a contact's name, a
 * product's name, a payment's reference) and `detail`, which tells two of one name apart (the
 * contact's email, the product's SKU, the payment's date). Values as the record holds them; the
 * UI puts them into words.
 */
export interface RecordLabel {
  readonly name: string | null;
  readonly detail: string | null;
}

const text = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

export function recordLabel<O extends SyncObject>(object: O, record: RecordOf<O>): RecordLabel {
  switch (object) {
    case 'customer': {
      const c = record as RecordOf<'customer'>;
      const person = text([c.firstName, c.lastName].filter(Boolean).join(' '));
      const name = text(c.displayName) ?? person ?? text(c.companyName) ?? text(c.email);
      return { name, detail: name === text(c.email) ? null : text(c.email) };
    }
    case 'product': {
      const p = record as RecordOf<'product'>;
      return { name: text(p.name), detail: text(p.sku) };
    }
    case 'invoice':
      return { name: text((record as RecordOf<'invoice'>).number), detail: null };
    default: {
      const p = record as RecordOf<'payment'>;
      return { name: text(p.reference), detail: p.date };
    }
  }
}
