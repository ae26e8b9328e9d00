export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'LIKE' | 'IN';

export interface QueryValue {
  /** Quoted values keep their quotes in formatting; bare ones (`100`, `true`) do not. */
  quoted: boolean;
  text: string;
}

export interface Condition {
  field: string;
  op: Operator;
  values: QueryValue[];
}

export interface OrderTerm {
  field: string;
  dir: 'ASC' | 'DESC';
}

export interface Query {
  projection: { kind: 'all' } | { kind: 'count' } | { kind: 'fields'; fields: string[] };
  entity: string;
  where: Condition[];
  orderBy: OrderTerm[];
  startPosition?: number;
  maxResults?: number;
}

function formatValue(v: QueryValue): string {
  return v.quoted ? `'${v.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : v.text;
}

/** Renders a query in canonical form; parse(format(q)) gives q back. */
export function formatQuery(q: Query): string {
  const proj =
    q.projection.kind === 'all'
      ? '*'
      : q.projection.kind === 'count'
        ? 'COUNT(*)'
        : q.projection.fields.join(', ');
  const parts = [`SELECT ${proj} FROM ${q.entity}`];
  if (q.where.length > 0) {
    const conds = q.where.map((c) =>
      c.op === 'IN'
        ? `${c.field} IN (${c.values.map(formatValue).join(', ')})`
        : `${c.field} ${c.op} ${formatValue(c.values[0] as QueryValue)}`,
    );
    parts.push(`WHERE ${conds.join(' AND ')}`);
  }
  if (q.orderBy.length > 0) parts.push(`ORDERBY ${q.orderBy.map((o) => `${o.field} ${o.dir}`).join(', ')}`);
  if (q.startPosition !== undefined) parts.push(`STARTPOSITION ${q.startPosition}`);
  if (q.maxResults !== undefined) parts.push(`MAXRESULTS ${q.maxResults}`);
  return parts.join(' ');
}
