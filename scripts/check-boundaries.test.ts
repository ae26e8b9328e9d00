import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import { checkBoundaries, formatViolation, importSpecifiers } from './check-boundaries.mjs';

const SCRIPT = fileURLToPath(new URL('./check-boundaries.mjs', import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A small repository: two apps, the sandbox and one package, each with a manifest and a source. */
function tree(overrides = {}) {
  const files = {
    'apps/server/package.json': manifest('@x/server', { '@x/db': '*' }),
    'apps/server/src/main.ts': "import { open } from '@x/db';\nimport { routes } from './routes.ts';\n",
    'apps/server/src/routes.ts': "import type { Db } from '@x/db';\nexport * from '@x/server';\n",
    'apps/worker/package.json': manifest('@x/worker', { '@x/db': '*' }),
    'apps/worker/src/main.ts': "export { open } from '@x/db';\n",
    'apps/sandbox/package.json': manifest('@x/sandbox', { '@x/server': '*', '@x/worker': '*' }),
    'apps/sandbox/src/main.ts':
      "import { startWorker } from '@x/worker';\nimport { world } from '../../server/src/main.ts';\n",
    'packages/db/package.json': manifest('@x/db', {}),
    'packages/db/src/index.ts': "export const open = () => import('./client.ts');\n",
    ...overrides,
  };
  const root = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
function manifest(name, dependencies, devDependencies = {}) {
  return JSON.stringify({ name, dependencies, devDependencies });
}
const report = (root) => checkBoundaries(root).map(formatViolation);

describe('app boundaries', () => {
  it('passes a clean tree: apps import packages and themselves, the sandbox imports apps', () => {
    expect(report(tree())).toEqual([]);
  });

  it('ignores comments, node_modules and generated code', () => {
    const root = tree({
      'apps/server/src/note.ts': "// import { startWorker } from '@x/worker';\n/* require('@x/worker') */\n",
      'apps/server/node_modules/dep/index.js': "require('@x/worker');\n",
      'packages/db/src/generated/client.ts': "import '@x/worker';\n",
    });
    expect(report(root)).toEqual([]);
  });

  it('fails an app importing another app by its package name, naming the file, line and import', () => {
    const root = tree({
      'apps/server/src/sync.ts':
        "import { z } from 'zod';\nimport { startBackfill } from '@x/worker';\nexport type { Env } from '@x/worker/config';\n" +
        "const later = () => import('@x/worker');\n",
    });
    expect(report(root)).toEqual([
      "apps/server/src/sync.ts:2: imports '@x/worker' (apps/worker): an app must not import another app (only apps/sandbox may)",
      "apps/server/src/sync.ts:3: imports '@x/worker/config' (apps/worker): an app must not import another app (only apps/sandbox may)",
      "apps/server/src/sync.ts:4: imports '@x/worker' (apps/worker): an app must not import another app (only apps/sandbox may)",
    ]);
  });

  it('fails an app importing another app by a relative path into its folder', () => {
    const root = tree({
      'apps/worker/src/e2e/world.ts': "import {\n  live,\n} from '../../../server/src/main.ts';\n",
    });
    expect(report(root)).toEqual([
      "apps/worker/src/e2e/world.ts:3: imports '../../../server/src/main.ts' (apps/server): an app must not import another app (only apps/sandbox may)",
    ]);
  });

  it('fails an app whose package.json depends on another app, in any dependency field', () => {
    const root = tree({
      'apps/server/package.json': manifest('@x/server', { '@x/db': '*' }, { '@x/worker': '*' }),
    });
    expect(report(root)).toEqual([
      'apps/server/package.json: devDependencies names @x/worker (apps/worker): an app must not depend on another app (only apps/sandbox may)',
    ]);
  });

  it('fails a package that imports or depends on an app', () => {
    const root = tree({
      'packages/db/package.json': manifest('@x/db', { '@x/server': '*' }),
      'packages/db/src/index.ts':
        "import { routes } from '@x/server';\nimport '../../../apps/worker/src/main.ts';\n",
    });
    expect(report(root)).toEqual([
      'packages/db/package.json: dependencies names @x/server (apps/server): a package must not depend on an app',
      "packages/db/src/index.ts:1: imports '@x/server' (apps/server): a package must not import an app",
      "packages/db/src/index.ts:2: imports '../../../apps/worker/src/main.ts' (apps/worker): a package must not import an app",
    ]);
  });

  it('as a command, exits 1 and prints each violation, or exits 0 on a clean tree', () => {
    expect(execFileSync(process.execPath, [SCRIPT, tree()], { encoding: 'utf8' })).toMatch(/no app imports/);
    const root = tree({ 'apps/worker/src/bad.ts': "import { routes } from '@x/server';\n" });
    let failure: { status?: number; stderr?: string } | undefined;
    try {
      execFileSync(process.execPath, [SCRIPT, root], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status?: number; stderr?: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("apps/worker/src/bad.ts:1: imports '@x/server' (apps/server)");
  });
});

describe('import specifiers', () => {
  it('finds static, type-only, re-export, side-effect, dynamic and require imports with their lines', () => {
    const source = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export * as c from 'c';",
      "import 'd';",
      "const e = await import('e');",
      "const f = require('f');",
      "const g = 'from \"not-an-import\"'; // import 'h'",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual([
      { specifier: 'a', line: 1 },
      { specifier: 'b', line: 2 },
      { specifier: 'c', line: 3 },
      { specifier: 'd', line: 4 },
      { specifier: 'e', line: 5 },
      { specifier: 'f', line: 6 },
    ]);
  });
});
