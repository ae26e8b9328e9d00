import { randomBytes } from 'node:crypto';

// QBO sends amounts as JSON numbers. JSON.parse would turn them into binary floats before we
// could look at them, so every number literal is rewritten as a string of the same digits first;
// schemas then read decimals exactly and convert counts with Number().

/** Parses QBO JSON keeping every number as the exact text it was written with. */
export function parseExactJson(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE+\-.]/.test(text[end] as string)) end += 1;
      out += `"${text.slice(i, end)}"`;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return JSON.parse(out);
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}

/** A decimal that must reach QBO as a JSON number with exactly these digits. */
export class JsonDecimal {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a plain decimal: ${JSON.stringify(text)}`);
  }
  toJSON(): string {
    return this.text;
  }
}

/**
 * Serialises a request body, writing JsonDecimal values as raw number literals. A random marker
 * per call means no user-supplied string can be mistaken for a number.
 */
export function stringifyExactJson(value: unknown): string {
  const marker = randomBytes(12).toString('hex');
  const json = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const holder = this as Record<string, unknown>;
    const original = holder[key];
    return original instanceof JsonDecimal ? `${marker}:${original.text}` : v;
  });
  return json.replace(new RegExp(`"${marker}:(-?\\d+(?:\\.\\d+)?)"`, 'g'), '$1');
}
