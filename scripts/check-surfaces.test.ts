import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkSurfaces, counts, exportsOf, importsOf, problems, report } from './check-surfaces.mjs';

// Two packages and three apps: every kind of export and import is in the fixture's files.
const FIXTURE = fileURLToPath(new URL('./test-fixtures/surfaces/', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./check-surfaces.mjs', import.meta.url));

describe('check-surfaces', () => {
  it('names every exported name no other workspace imports, every export *, and a missing entry point', () => {
    expect(problems(checkSurfaces(FIXTURE))).toEqual([
      "apps/app/src/index.ts:1: exports 'internalThing', which no other workspace imports",
      'apps/broken/package.json: exports @x/broken from apps/broken/src/index.ts, which does not exist',
      "packages/engine/src/index.ts:1: export * from './money.ts' hides the surface: list the names",
      "packages/engine/src/index.ts:1: exports 'sameDecimal', which no other workspace imports",
      "packages/engine/src/index.ts:2: exports 'unusedHelper', which no other workspace imports",
      "packages/engine/src/index.ts:5: exports 'VERSION', which no other workspace imports",
      "packages/engine/src/testing/index.ts:1: exports 'unusedFixture', which no other workspace imports",
    ]);
  });

  it('counts named, type-only, namespace, re-exported and dynamically imported names as used', () => {
    const surfaces = checkSurfaces(FIXTURE);
    const unused = (specifier: string) =>
      surfaces.find((s) => s.specifier === specifier)?.unused.map((u) => u.name);
    // dec (through export *), Plan (a type), plan, rules (export * as); not a commented-out import.
    expect(unused('@x/engine')).toEqual(['sameDecimal', 'unusedHelper', 'VERSION']);
    // open re-exported by the tool, Row read off a namespace import in a type.
    expect(unused('@x/store')).toEqual([]);
    // startApp destructured from await import(); world from the testing entry point, by a test.
    expect(unused('@x/app')).toEqual(['internalThing']);
    expect(unused('@x/engine/testing')).toEqual(['unusedFixture']);
  });

  it('reads a workspace without exports through its src/index.ts, and one without either as offering nothing', () => {
    const specifiers = checkSurfaces(FIXTURE).map((s) => s.specifier);
    expect(specifiers).toContain('@x/store');
    expect(specifiers.some((s) => s.startsWith('@x/tool'))).toBe(false);
    expect(counts(checkSurfaces(FIXTURE))).toContain(
      '@x/engine                               7 exported    3 unused',
    );
  });

  it('fails with the list and what to do, passes when there is nothing', () => {
    const failed = report(checkSurfaces(FIXTURE));
    expect(failed.ok).toBe(false);
    expect(failed.text).toMatch(/^check-surfaces: 7 problem\(s\):/);
    expect(failed.text).toContain("move test helpers to a 'testing' entry point");
    const clean = checkSurfaces(FIXTURE).map((s) => ({ ...s, missing: false, unused: [], stars: [] }));
    expect(report(clean)).toEqual({
      ok: true,
      text: 'check-surfaces: the 5 entry points export 13 names, each imported by another workspace.',
    });
  });

  it('as a command, exits 1 and prints each problem', () => {
    let failure: { status?: number; stderr?: string } | undefined;
    try {
      execFileSync(process.execPath, [SCRIPT, '--root', FIXTURE], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("exports 'unusedFixture', which no other workspace imports");
  });
});

describe('exports and imports of one source', () => {
  it('finds declared, listed, renamed, namespace and default exports, and export * lines', () => {
    const source = [
      "export * from './a.ts';",
      "export { b, type C, d as e } from './b.ts';",
      "export * as f from './f.ts';",
      'export async function g() {}',
      'export interface H {}',
      'export type I = string;',
      'export default 1;',
      '// export const hidden = 1;',
    ].join('\n');
    const { names, stars } = exportsOf(source);
    expect(names.map((n) => n.name).sort()).toEqual(['C', 'H', 'I', 'b', 'default', 'e', 'f', 'g'].sort());
    expect(stars).toEqual([{ specifier: './a.ts', line: 1 }]);
  });

  it("takes only the module it is asked about, and 'all' for an unnamed import", () => {
    const source = [
      "import d, { a, type B as C } from '@x/m';",
      "import { other } from '@x/m/testing';",
      "import type { T } from '@x/m';",
    ].join('\n');
    expect([...(importsOf(source, '@x/m') as Set<string>)].sort()).toEqual(['B', 'T', 'a', 'default']);
    expect(importsOf("const m = await import('@x/m');", '@x/m')).toBe('all');
    expect(importsOf("export * from '@x/m';", '@x/m')).toBe('all');
  });
});
