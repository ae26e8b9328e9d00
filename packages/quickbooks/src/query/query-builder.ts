import type { EntityName } from '../entities/registry.ts';
import { checkPropertyName, quoteLikeFragment, quoteQueryString } from './escape-query-value.ts';

export type QueryScalar = string | boolean | { readonly decimal: string };
export type Comparison = '=' | '<' | '>' | '<=' | '>=';

function literal(value: QueryScalar): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quoteQueryString(value);
  // Intuit's samples quote numbers too (`TotalAmt > '300.00'`); a checked decimal is safe quoted.
  if (!/^-?\d+(\.\d+)?$/.test(value.decimal)) throw new Error('Not a plain decimal');
  return quoteQueryString(value.decimal);
}

/**
 * Immutable SELECT builder. Conditions are joined with AND (QBO has no OR). Every value is
 * quoted and escaped; property names must be plain identifiers.
 */
export class QboQuery {
  private constructor(
    readonly entity: EntityName,
    private readonly conditions: readonly string[],
    private readonly order: string | null,
    private readonly projection: string,
  ) {}

  static select(entity: EntityName): QboQuery {
    return new QboQuery(entity, [], null, '*');
  }

  static count(entity: EntityName): QboQuery {
    return new QboQuery(entity, [], null, 'count(*)');
  }

  where(property: string, op: Comparison, value: QueryScalar): QboQuery {
    return this.with(`${checkPropertyName(property)} ${op} ${literal(value)}`);
  }

  whereIn(property: string, values: readonly QueryScalar[]): QboQuery {
    if (values.length === 0) throw new Error('IN needs at least one value');
    return this.with(`${checkPropertyName(property)} IN (${values.map(literal).join(', ')})`);
  }

  whereStartsWith(property: string, text: string): QboQuery {
    return this.with(`${checkPropertyName(property)} LIKE ${quoteLikeFragment(text, '', '%')}`);
  }

  whereContains(property: string, text: string): QboQuery {
    return this.with(`${checkPropertyName(property)} LIKE ${quoteLikeFragment(text, '%', '%')}`);
  }

  orderBy(property: string, direction: 'ASC' | 'DESC' = 'ASC'): QboQuery {
    return new QboQuery(
      this.entity,
      this.conditions,
      `${checkPropertyName(property)} ${direction}`,
      this.projection,
    );
  }

  /** STARTPOSITION is 1-based; QBO returns at most 1000 per page. */
  toString(page?: { readonly start: number; readonly size: number }): string {
    let text = `SELECT ${this.projection} FROM ${this.entity}`;
    if (this.conditions.length > 0) text += ` WHERE ${this.conditions.join(' AND ')}`;
    if (this.order) text += ` ORDERBY ${this.order}`;
    if (page) {
      if (!Number.isInteger(page.start) || page.start < 1) throw new Error('start must be ≥ 1');
      if (!Number.isInteger(page.size) || page.size < 1 || page.size > 1000) throw new Error('size 1..1000');
      text += ` STARTPOSITION ${page.start} MAXRESULTS ${page.size}`;
    }
    return text;
  }

  private with(condition: string): QboQuery {
    return new QboQuery(this.entity, [...this.conditions, condition], this.order, this.projection);
  }
}
