import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// The engine is pure (README.md, "Must not"): it imports nothing of ours, reads no environment and
// has no clock of its own. Checked on the source so a slip fails the build, not a review.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const SRC = new URL('.', import.meta.url).pathname;
const IMPORT = /^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm;
const ALLOWED_PACKAGES = new Set(['decimal.js', 'zod', 'node:crypto']);

describe('purity', () => {
  const files = sourceFiles(SRC);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('imports only relative files, decimal.js, zod and node:crypto (nothing of ours, no IO)', () => {
    const offending = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(IMPORT)]
        .map((m) => m[1] ?? '')
        .filter((spec) => !spec.startsWith('.') && !ALLOWED_PACKAGES.has(spec))
        .map((spec) => `${f.slice(SRC.length)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('reads no environment and no wall clock', () => {
    const offending = files.filter((f) =>
      /process\.env|Date\.now\(|new Date\(\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offending.map((f) => f.slice(SRC.length))).toEqual([]);
  });
});
