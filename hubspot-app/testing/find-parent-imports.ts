import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SOURCE_FILE = /\.[jt]sx?$/;
const TEST_FILE = /\.test\.[jt]sx?$/;
const IMPORT_SPECIFIER = /(?:^|\s)(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm;

/**
 * Relative imports in a component's folder that reach outside it. HubSpot packages each extension
 * point on its own and documents such imports as failing once deployed (its UI extensions lint rule
 * `no-parent-imports`); shared code must come in as a package. Tests are not part of the extension.
 */
export function findParentImports(componentDir: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(componentDir)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      if (!specifier) continue;
      const target = resolve(dirname(file), specifier);
      if (relative(componentDir, target).startsWith('..')) {
        found.push(`${relative(componentDir, file)} imports ${specifier}`);
      }
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}
