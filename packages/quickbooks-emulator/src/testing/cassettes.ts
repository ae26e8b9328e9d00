import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Recorded real QBO sandbox calls, vendored from minimul/qbo_api (fixtures/qbo/SOURCES.md).
const VCR_DIR = join(import.meta.dirname, '../../fixtures/qbo/qbo_api-vcr');

export interface Interaction {
  method: string;
  uri: string;
  requestBody: string;
  status: number;
  responseBody: string;
}

// The cassettes are VCR YAML whose bodies are single-quoted scalars; reading just those needs
// YAML's folding rules for single quotes: '' is a quote, a line break folds to a space, a blank
// line to a newline.
function singleQuoted(src: string, start: number): string {
  let out = '';
  let i = start;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "'") {
      if (src[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return out;
    }
    if (c === '\n') {
      let blank = 0;
      let j = i + 1;
      for (;;) {
        while (src[j] === ' ') j += 1;
        if (src[j] === '\n') {
          blank += 1;
          j += 1;
        } else break;
      }
      out = out.replace(/ +$/, '') + (blank > 0 ? '\n'.repeat(blank) : ' ');
      i = j;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

function field(block: string, key: string): string {
  const m = new RegExp(`${key}: (.*)`).exec(block);
  return m?.[1]?.trim() ?? '';
}

function body(block: string): string {
  const at = block.indexOf("string: '");
  return at < 0 ? '' : singleQuoted(block, at + "string: '".length);
}

export function readCassette(relative: string): Interaction[] {
  const src = readFileSync(join(VCR_DIR, relative), 'utf8');
  return src
    .split(/\n- request:\n/)
    .slice(1)
    .map((chunk) => {
      const [req = '', res = ''] = chunk.split(/\n {2}response:\n/);
      return {
        method: field(req, 'method'),
        uri: field(req, 'uri'),
        requestBody: body(req),
        status: Number(/code: (\d+)/.exec(res)?.[1]),
        responseBody: body(res),
      };
    });
}

export function cassetteNames(): string[] {
  return readdirSync(VCR_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yml'));
}

/** Paths (`Invoice.Line[].Amount:number`) describing the field names, nesting and JSON types. */
export function shapeOf(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      out.add(`${path}:array`);
      for (const x of v) walk(x, `${path}[]`);
    } else if (v !== null && typeof v === 'object') {
      out.add(`${path}:object`);
      for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
    } else out.add(`${path}:${v === null ? 'null' : typeof v}`);
  };
  walk(value, prefix);
  return out;
}

/** Shape paths of `recorded` that `ours` lacks (ignoring the listed path prefixes). */
export function missingShape(recorded: unknown, ours: unknown, ignore: string[] = []): string[] {
  const have = shapeOf(ours);
  return [...shapeOf(recorded)].filter((p) => !have.has(p) && !ignore.some((i) => p.startsWith(i)));
}
