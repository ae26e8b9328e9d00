// Tokens of the QBO query language. Words cover keywords, entity and property paths
// (`MetaData.LastUpdatedTime`) and unquoted values (`100`, `true`, `2024-01-31`).
export type TokenKind = 'word' | 'string' | 'symbol' | 'invalid' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based column in the query, for parser messages like QBO's. */
  column: number;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

const SYMBOLS = ['<=', '>=', '!=', '<>', '(', ')', ',', '*', '=', '<', '>', ';'];
const WORD_STOP = /[\s,()'"=<>!*;]/;

function readString(src: string, start: number): { text: string; end: number } {
  const quote = src[start];
  let i = start + 1;
  let text = '';
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      if (i + 1 >= src.length) break;
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) return { text, end: i + 1 };
    text += c;
    i += 1;
  }
  throw new LexError('Lexical error: unterminated string', start + 1);
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === "'" || c === '"') {
      // An unterminated string becomes one invalid token, so the parser reports the first
      // unexpected token (as QBO does for an unescaped apostrophe) rather than a lexer failure.
      try {
        const s = readString(src, i);
        tokens.push({ kind: 'string', text: s.text, column: i + 1 });
        i = s.end;
      } catch (e) {
        if (!(e instanceof LexError)) throw e;
        tokens.push({ kind: 'invalid', text: src.slice(i), column: i + 1 });
        i = src.length;
      }
      continue;
    }
    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (sym) {
      tokens.push({ kind: 'symbol', text: sym, column: i + 1 });
      i += sym.length;
      continue;
    }
    let j = i;
    while (j < src.length && !WORD_STOP.test(src[j] as string)) j += 1;
    if (j === i) throw new LexError(`Lexical error at line 1, column ${i + 1}.  Encountered: "${c}"`, i + 1);
    tokens.push({ kind: 'word', text: src.slice(i, j), column: i + 1 });
    i = j;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', column: src.length + 1 });
  return tokens;
}
