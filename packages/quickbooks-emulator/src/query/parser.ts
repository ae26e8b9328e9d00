import type { Condition, Operator, OrderTerm, Query, QueryValue } from './ast.ts';
import { LexError, type Token, tokenize } from './lexer.ts';

/*
 * Grammar (keywords and entity names case-insensitive):
 *   query      := SELECT projection FROM word [WHERE cond (AND cond)*]
 *                 [ORDERBY order (',' order)*] [STARTPOSITION int | MAXRESULTS int]* [';'] EOF
 *                 (each of STARTPOSITION and MAXRESULTS at most once, in either order)
 *   projection := '*' | COUNT '(' '*' ')' | field (',' field)*   ('*' may start a field list)
 *   cond       := field op value | field IN '(' value (',' value)* ')'
 *   op         := '=' | '<' | '>' | '<=' | '>=' | LIKE
 *   value      := string | word
 *   order      := field [ASC | DESC]
 * `ORDER BY` is accepted as a spelling of ORDERBY.
 */
export class QueryParseError extends Error {}

const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'ORDERBY',
  'ORDER',
  'STARTPOSITION',
  'MAXRESULTS',
  'IN',
  'LIKE',
  'ASC',
  'DESC',
]);
const OPERATORS = new Set(['=', '<', '>', '<=', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i += 1;
    return t;
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toUpperCase() === word;
  }
  private isSymbol(s: string): boolean {
    const t = this.peek();
    return t.kind === 'symbol' && t.text === s;
  }
  private fail(expected: string): never {
    const t = this.peek();
    throw new QueryParseError(
      `Encountered " ${t.kind === 'string' ? `<STRING> "'${t.text}'"` : `"${t.text}"`} " at line 1, column ${t.column}.\nWas expecting: ${expected}`,
    );
  }
  private keyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(`"${word}"`);
    this.next();
  }
  private symbol(s: string): void {
    if (!this.isSymbol(s)) this.fail(`"${s}"`);
    this.next();
  }
  private field(): string {
    const t = this.peek();
    if (t.kind !== 'word' || KEYWORDS.has(t.text.toUpperCase()) || !/^[A-Za-z_][\w.]*$/.test(t.text)) {
      this.fail('<IDENTIFIER>');
    }
    return this.next().text;
  }
  private integer(): number {
    const t = this.peek();
    if (t.kind !== 'word' || !/^\d{1,9}$/.test(t.text)) this.fail('<INTEGER>');
    return Number(this.next().text);
  }
  private value(): QueryValue {
    const t = this.peek();
    if (t.kind === 'string') return { quoted: true, text: this.next().text };
    if (t.kind === 'word' && !KEYWORDS.has(t.text.toUpperCase()))
      return { quoted: false, text: this.next().text };
    return this.fail('<STRING>');
  }

  parse(): Query {
    this.keyword('SELECT');
    const projection = this.projection();
    this.keyword('FROM');
    const entity = this.field();
    const where: Condition[] = [];
    if (this.isKeyword('WHERE')) {
      this.next();
      where.push(this.condition());
      while (this.isKeyword('AND')) {
        this.next();
        where.push(this.condition());
      }
    }
    const orderBy: OrderTerm[] = [];
    if (this.isKeyword('ORDERBY') || this.isKeyword('ORDER')) {
      if (this.next().text.toUpperCase() === 'ORDER') this.keyword('BY');
      orderBy.push(this.order());
      while (this.isSymbol(',')) {
        this.next();
        orderBy.push(this.order());
      }
    }
    const q: Query = { projection, entity, where, orderBy };
    // QBO takes STARTPOSITION and MAXRESULTS in either order (clients send both orders).
    for (;;) {
      if (q.startPosition === undefined && this.isKeyword('STARTPOSITION')) {
        this.next();
        q.startPosition = this.integer();
      } else if (q.maxResults === undefined && this.isKeyword('MAXRESULTS')) {
        this.next();
        q.maxResults = this.integer();
      } else break;
    }
    if (this.isSymbol(';')) this.next();
    if (this.peek().kind !== 'eof') this.fail('<EOF>');
    return q;
  }

  private projection(): Query['projection'] {
    if (this.isKeyword('COUNT')) {
      this.next();
      this.symbol('(');
      this.symbol('*');
      this.symbol(')');
      return { kind: 'count' };
    }
    if (this.isSymbol('*') && !this.tokens[this.i + 1]?.text.startsWith(',')) {
      this.next();
      return { kind: 'all' };
    }
    const fields: string[] = [];
    do {
      if (fields.length > 0) this.next();
      if (this.isSymbol('*')) {
        this.next();
        fields.push('*');
      } else fields.push(this.field());
    } while (this.isSymbol(','));
    return { kind: 'fields', fields };
  }

  private condition(): Condition {
    const field = this.field();
    const t = this.peek();
    if (t.kind === 'word' && t.text.toUpperCase() === 'IN') {
      this.next();
      this.symbol('(');
      const values = [this.value()];
      while (this.isSymbol(',')) {
        this.next();
        values.push(this.value());
      }
      this.symbol(')');
      return { field, op: 'IN', values };
    }
    if (t.kind === 'word' && t.text.toUpperCase() === 'LIKE') {
      this.next();
      return { field, op: 'LIKE', values: [this.value()] };
    }
    if (t.kind !== 'symbol' || !OPERATORS.has(t.text))
      this.fail('"=" | "<" | ">" | "<=" | ">=" | "IN" | "LIKE"');
    this.next();
    return { field, op: t.text as Operator, values: [this.value()] };
  }

  private order(): OrderTerm {
    const field = this.field();
    if (this.isKeyword('ASC') || this.isKeyword('DESC'))
      return { field, dir: this.next().text.toUpperCase() as 'ASC' | 'DESC' };
    return { field, dir: 'ASC' };
  }
}

/** Parses a QBO query; throws QueryParseError (→ Fault 4000) on any malformed input. */
export function parseQuery(src: string): Query {
  let tokens: Token[];
  try {
    tokens = tokenize(src);
  } catch (e) {
    if (e instanceof LexError) throw new QueryParseError(e.message);
    throw e;
  }
  return new Parser(tokens).parse();
}
