import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { findOutsidePaths, report } from './check-standalone.mjs';

// A small repository with every kind of path: the bad ones are in the fixture files, not here,
// since this file is checked like any other.
const FIXTURE = fileURLToPath(new URL('./test-fixtures/standalone/', import.meta.url));

describe('check-standalone', () => {
  it('names file and line of every path that leaves the repository, and nothing else', () => {
    expect(findOutsidePaths(FIXTURE).map(({ file, line, why }) => `${file}:${line} ${why}`)).toEqual([
      'README.md:3 climbs above the repository root',
      'app/cards/card.ts:3 names a folder beside the repository',
      'packages/a/README.md:3 names a folder beside the repository',
      'packages/a/README.md:3 names a folder beside the repository',
      'packages/a/fixtures/SOURCES.md:3 climbs above the repository root',
      'packages/a/src/paths.ts:3 climbs above the repository root',
      'packages/a/src/paths.ts:5 is an absolute path on one machine',
      'tsconfig.json:2 climbs above the repository root',
    ]);
  });

  it('quotes the offending path', () => {
    const tokens = findOutsidePaths(FIXTURE).map((f) => f.token);
    expect(tokens).toContain('../tsconfig.base.json');
    expect(tokens.filter((t) => t.endsWith('elsewhere/data.json'))).toHaveLength(1);
  });

  it('resolves a relative path from the folder of the file that holds it', () => {
    const files = findOutsidePaths(FIXTURE).map((f) => f.file);
    // The README of packages/a and docs/facts.md link to each other; both links stay inside.
    expect(files).not.toContain('docs/facts.md');
    expect(findOutsidePaths(FIXTURE).filter((f) => f.file === 'packages/a/README.md')).toHaveLength(2);
  });

  it('accepts a folder of ours named like the one beside the repository, where the path exists', () => {
    const lines = findOutsidePaths(FIXTURE).filter((f) => f.file === 'app/cards/card.ts');
    expect(lines.map((f) => f.line)).toEqual([3]);
  });

  it('leaves out the lock file and data vendored under fixtures/, but checks Markdown there', () => {
    const files = findOutsidePaths(FIXTURE).map((f) => f.file);
    expect(files).not.toContain('package-lock.json');
    expect(files).not.toContain('packages/a/fixtures/recorded/call.yml');
    expect(files).toContain('packages/a/fixtures/SOURCES.md');
  });

  it('fails with the list and what to do, passes when there is nothing', () => {
    const failed = report(findOutsidePaths(FIXTURE));
    expect(failed.ok).toBe(false);
    expect(failed.text).toContain(
      '  tsconfig.json:2: ../tsconfig.base.json climbs above the repository root',
    );
    expect(failed.text).toContain('fixtures/ folder with its licence and SOURCES.md, facts in docs/');
    expect(report([])).toEqual({ ok: true, text: 'check-standalone: no path leaves the repository.' });
  });
});
