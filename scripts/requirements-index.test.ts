import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  citedIds,
  DOC,
  definedIds,
  END,
  isTestFile,
  readRepo,
  run,
  START,
  withIndex,
} from './requirements-index.mjs';

// Two copies of one small repository: `current` with its index up to date, `stale` with no index
// yet and one citation of an id its document does not define.
const fixture = (name: string) =>
  fileURLToPath(new URL(`./test-fixtures/requirements-index/${name}/`, import.meta.url));
const CURRENT = fixture('current');
const STALE = fixture('stale');
const docOf = (root: string) => readFileSync(join(root, DOC), 'utf8');

describe('requirements-index', () => {
  it('reads ids, ranges and lists in a citation', () => {
    expect([...citedIds('R-ONE-1: x; see R-TWO-4')]).toEqual(['R-ONE-1', 'R-TWO-4']);
    expect([...citedIds('(R-ONE-2..4, R-ONE-7/9)')]).toEqual([
      'R-ONE-2',
      'R-ONE-3',
      'R-ONE-4',
      'R-ONE-7',
      'R-ONE-9',
    ]);
    expect([...citedIds('R-ONE-1/R-ONE-2, R-ONE-* and HR-ONE-5x')]).toEqual(['R-ONE-1', 'R-ONE-2']);
  });

  it('tells tests and their harnesses from the code they test', () => {
    expect(isTestFile('src/first.test.ts')).toBe(true);
    expect(isTestFile('apps/a/src/e2e/fixtures.ts')).toBe(true);
    expect(isTestFile('src/test/world.ts')).toBe(true);
    expect(isTestFile('src/testimony.ts')).toBe(false);
  });

  it('takes definitions from the hand-written part only', () => {
    expect(definedIds(docOf(CURRENT))).toEqual(['R-ONE-1', 'R-ONE-2', 'R-ONE-3', 'R-TWO-1']);
  });

  it('writes, per id, where it is implemented and where it is tested, and which ids nothing cites', () => {
    const doc = docOf(CURRENT);
    expect(doc).toContain(
      '### R-ONE-1\n- Implemented in: `src/first.ts`\n- Tested in: `src/first.test.ts`\n',
    );
    expect(doc).toContain(
      '### R-ONE-3\n- Implemented in: none yet\n- Tested in: `src/first.test.ts`, `src/test/world.ts`\n',
    );
    expect(doc).toContain('Defined but cited nowhere yet: R-TWO-1.');
    expect(doc).not.toContain('README.md`');
  });

  it('passes --check when the index is current, noting uncited ids without failing', () => {
    expect(run(CURRENT, { check: true })).toEqual({
      problems: [],
      notes: ['Defined but cited nowhere yet: R-TWO-1.'],
    });
    expect(withIndex(docOf(CURRENT), readRepo(CURRENT))).toBe(docOf(CURRENT));
  });

  it('fails --check on an undefined id and on a stale index, saying how to fix each', () => {
    expect(run(STALE, { check: true }).problems).toEqual([
      'R-ONE-9 is cited but not defined in docs/REQUIREMENTS.md (src/first.ts): define it there, or fix the citation.',
      'docs/REQUIREMENTS.md is out of date: run `npm run docs:requirements` and commit the result.',
    ]);
  });

  it('rewrites only the generated part', () => {
    expect(withIndex(docOf(STALE), readRepo(STALE))).toBe(docOf(CURRENT));
    const edited = docOf(CURRENT).replace('### R-ONE-1', '### R-ONE-1 (edited by hand)');
    expect(withIndex(edited, readRepo(CURRENT))).toBe(docOf(CURRENT));
    const reworded = docOf(CURRENT).replace('The first behaviour.', 'The first behaviour, reworded.');
    expect(withIndex(reworded, readRepo(CURRENT))).toBe(reworded);
    expect(() => withIndex(`${START}\nno end`, [])).toThrow(END);
  });
});
