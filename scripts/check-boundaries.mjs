#!/usr/bin/env node
// Apps wire, packages do: an app never imports another app (only apps/sandbox, which composes the
// whole product, may), and a package never imports an app. Biome's import rules see one file at a
// time and know nothing of workspaces, so this walks the tree. Run by `npm run lint`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankComments } from './lib/blank-comments.mjs';

/** The one app allowed to import the others. */
const COMPOSER = 'sandbox';
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'generated', 'dist', 'coverage', '.turbo', '.data']);
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * @typedef {{ kind: 'app' | 'package', name: string, dir: string, packageName: string | null }} Workspace
 * @typedef {{ file: string, line: number | null, target: string, message: string }} Violation
 */

/** Every boundary violation under `root`, in a stable order. */
export function checkBoundaries(root) {
  const workspaces = [...listWorkspaces(root, 'apps', 'app'), ...listWorkspaces(root, 'packages', 'package')];
  const apps = workspaces.filter((w) => w.kind === 'app');
  /** @type {Violation[]} */
  const violations = [];
  for (const workspace of workspaces) {
    if (workspace.kind === 'app' && workspace.name === COMPOSER) continue;
    const others = apps.filter((app) => app !== workspace);
    violations.push(...checkManifest(root, workspace, others));
    for (const file of sourceFiles(workspace.dir)) {
      violations.push(...checkFile(root, workspace, others, file));
    }
  }
  return violations;
}

function listWorkspaces(root, folder, kind) {
  const parent = path.join(root, folder);
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
    .map((entry) => {
      const dir = path.join(parent, entry.name);
      const manifest = path.join(dir, 'package.json');
      const packageName = existsSync(manifest)
        ? (JSON.parse(readFileSync(manifest, 'utf8')).name ?? null)
        : null;
      return { kind, name: entry.name, dir, packageName };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function checkManifest(root, workspace, otherApps) {
  const manifest = path.join(workspace.dir, 'package.json');
  if (!existsSync(manifest)) return [];
  const json = JSON.parse(readFileSync(manifest, 'utf8'));
  const violations = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const dependency of Object.keys(json[field] ?? {})) {
      const app = otherApps.find((a) => a.packageName === dependency);
      if (app) {
        violations.push({
          file: relative(root, manifest),
          line: null,
          target: dependency,
          message: `${field} names ${dependency} (apps/${app.name}): ${rule(workspace, 'depend on')}`,
        });
      }
    }
  }
  return violations;
}

function checkFile(root, workspace, otherApps, file) {
  const violations = [];
  const source = readFileSync(file, 'utf8');
  for (const { specifier, line } of importSpecifiers(source)) {
    const app = importedApp(file, specifier, otherApps);
    if (app) {
      violations.push({
        file: relative(root, file),
        line,
        target: specifier,
        message: `imports '${specifier}' (apps/${app.name}): ${rule(workspace, 'import')}`,
      });
    }
  }
  return violations;
}

function rule(workspace, verb) {
  return workspace.kind === 'package'
    ? `a package must not ${verb} an app`
    : `an app must not ${verb} another app (only apps/${COMPOSER} may)`;
}

/** The other app `specifier` reaches, by its package name or by a relative path into its folder. */
function importedApp(file, specifier, otherApps) {
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(file), specifier);
    return otherApps.find((app) => target === app.dir || target.startsWith(app.dir + path.sep));
  }
  return otherApps.find(
    (app) =>
      app.packageName && (specifier === app.packageName || specifier.startsWith(`${app.packageName}/`)),
  );
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const IMPORT_PATTERNS = [
  // import x from 'm'; import { a, type B } from 'm'; import type X from 'm'; export * from 'm'; export { a } from 'm'
  /\b(?:import|export)\s+(?:type\s+)?[\w*$\s{},]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import 'm' (side effects only)
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  // import('m'), require('m'), jest.unstable_mockModule('m', …)
  /\b(?:import|require|unstable_mockModule|mock)\s*\(\s*(['"])([^'"\n]+)\1/g,
];

/** Module specifiers of a JS/TS source, with their line numbers; comments are ignored. */
export function importSpecifiers(source) {
  const code = blankComments(source);
  const found = new Map();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const at = match.index + match[0].lastIndexOf(match[2]);
      if (!found.has(at)) found.set(at, match[2]);
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, specifier]) => ({ specifier, line: code.slice(0, at).split('\n').length }));
}

function relative(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

export function formatViolation(v) {
  return `${v.file}${v.line === null ? '' : `:${v.line}`}: ${v.message}`;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const violations = checkBoundaries(root);
  if (violations.length === 0) {
    console.log('app boundaries: no app imports another app, no package imports an app');
  } else {
    console.error(`app boundaries: ${violations.length} violation(s)`);
    for (const v of violations) console.error(`  ${formatViolation(v)}`);
    process.exitCode = 1;
  }
}
