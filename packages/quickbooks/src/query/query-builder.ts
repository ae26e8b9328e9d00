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
export class QboQuery<E extends EntityName = EntityName> {
  private constructor(
    readonly entity: E,
    private readonly conditions: readonly string[],
    private readonly order: string | null,
    private readonly projection: string,
    private readonly textChecks: readonly TextCheck[] = [],
  ) {}

  static select<E extends EntityName>(entity: E): QboQuery<E> {
    return new QboQuery(entity, [], null, '*');
  }

  static count<E extends EntityName>(entity: E): QboQuery<E> {
    return new QboQuery(entity, [], null, 'count(*)');
  }

  /**
   * Intuit does not document whether `\%` is a literal percent inside LIKE, so results of
   * LIKE conditions are checked again here: a % in the caller's text can never widen the match.
   */
  accepts(entity: unknown): boolean {
    return this.textChecks.every((check) => {
      const value = readPath(entity, check.property);
      if (typeof value !== 'string') return false;
      return check.mode === 'prefix' ? value.startsWith(check.text) : value.includes(check.text);
    });
  }

  where(property: string, op: Comparison, value: QueryScalar): QboQuery<E> {
    return this.with(`${checkPropertyName(property)} ${op} ${literal(value)}`);
  }

  whereIn(property: string, values: readonly QueryScalar[]): QboQuery<E> {
    if (values.length === 0) throw new Error('IN needs at least one value');
    return this.with(`${checkPropertyName(property)} IN (${values.map(literal).join(', ')})`);
  }

  whereStartsWith(property: string, text: string): QboQuery<E> {
    return this.with(`${checkPropertyName(property)} LIKE ${quoteLikeFragment(text, '', '%')}`, {
      property,
      mode: 'prefix',
      text,
    });
  }

  whereContains(property: string, text: string): QboQuery<E> {
    return this.with(`${checkPropertyName(property)} LIKE ${quoteLikeFragment(text, '%', '%')}`, {
      property,
      mode: 'contains',
      text,
    });
  }

  orderBy(property: string, direction: 'ASC' | 'DESC' = 'ASC'): QboQuery<E> {
    return new QboQuery(
      this.entity,
      this.conditions,
      `${checkPropertyName(property)} ${direction}`,
      this.projection,
      this.textChecks,
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

  private with(condition: string, check?: TextCheck): QboQuery<E> {
    const checks = check ? [...this.textChecks, check] : this.textChecks;
    return new QboQuery(this.entity, [...this.conditions, condition], this.order, this.projection, checks);
  }
}

interface TextCheck {
  readonly property: string;
  readonly mode: 'prefix' | 'contains';
  readonly text: string;
}

/** `PrimaryEmailAddr` compares on `.Address`, as QBO's query language does. */
function readPath(entity: unknown, path: string): unknown {
  let value: unknown = entity;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'object' && value !== null && 'Address' in value)
    return (value as { Address: unknown }).Address;
  return value;
}
