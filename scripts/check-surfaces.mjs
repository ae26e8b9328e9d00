#!/usr/bin/env node
// Each workspace's entry points (the files its package.json `exports` names) export what OTHER
// workspaces import, and no more: a name nobody outside imports is internal, and exporting it
// invites a second caller the package never meant to have. A package's own tests import by
// relative path; test helpers go through a `testing` entry point, checked the same way. Entry
// points list their names: `export * from` hides what the surface is. Run by `npm run lint:repo`.
//
//   node scripts/check-surfaces.mjs            fail on an unused name or an `export *`
//   node scripts/check-surfaces.mjs --counts   also print, per entry point, names exported and unused
//   (either takes --root DIR)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blankComments } from './lib/blank-comments.mjs';
import { listCheckedFiles, REPO_ROOT, readText } from './lib/repo-files.mjs';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const NAME = '[A-Za-z_$][\\w$]*';

/**
 * @typedef {{ dir: string, name: string, manifest: any }} Workspace
 * @typedef {{ name: string, line: number }} ExportedName
 * @typedef {{ specifier: string, line: number }} StarExport
 * @typedef {{ workspace: string, specifier: string, file: string, missing: boolean,
 *   exported: ExportedName[], unused: ExportedName[], stars: StarExport[] }} Surface
 */

/** The npm workspaces the root package.json declares (`dir` or `dir/*`), with their manifests. */
export function listWorkspaces(root) {
  const patterns = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces ?? [];
  /** @type {Workspace[]} */
  const workspaces = [];
  for (const pattern of patterns) {
    const dirs = pattern.endsWith('/*')
      ? listDirs(root, pattern.slice(0, -2)).map((d) => `${pattern.slice(0, -2)}/${d}`)
      : [pattern];
    for (const dir of dirs) {
      const manifestPath = path.join(root, dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      workspaces.push({ dir, name: manifest.name, manifest });
    }
  }
  return workspaces.sort((a, b) => a.dir.localeCompare(b.dir));
}

function listDirs(root, dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return listCheckedFiles(full)
    .map((file) => file.split('/')[0])
    .filter(
      (first, i, all) => all.indexOf(first) === i && existsSync(path.join(full, first, 'package.json')),
    );
}

/** The entry points a workspace offers others: `exports` (or `main`), else `src/index.ts` if it has one. */
export function entryPoints(root, workspace) {
  const { exports, main } = workspace.manifest;
  /** @type {[string, unknown][]} */
  let entries;
  if (typeof exports === 'string') entries = [['.', exports]];
  else if (exports && typeof exports === 'object') entries = Object.entries(exports);
  else if (typeof main === 'string') entries = [['.', main]];
  else if (existsSync(path.join(root, workspace.dir, 'src/index.ts'))) entries = [['.', './src/index.ts']];
  else entries = [];
  return entries.flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
    if (typeof file !== 'string' || !SOURCE.test(file)) return [];
    return [
      {
        specifier: subpath === '.' ? workspace.name : `${workspace.name}/${subpath.replace(/^\.\//, '')}`,
        file: path.posix.join(workspace.dir, file),
      },
    ];
  });
}

const lineAt = (code, index) => code.slice(0, index).split('\n').length;

/** The names a module exports itself or re-exports by name, and its `export * from` lines. */
export function exportsOf(source) {
  const code = blankComments(source);
  /** @type {ExportedName[]} */
  const names = [];
  /** @type {StarExport[]} */
  const stars = [];
  const declarations = new RegExp(
    `\\bexport\\s+(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:function\\s*\\*?|const\\s+enum|const|let|var|class|interface|enum|namespace|type(?=\\s+${NAME}\\s*[<=]))\\s+(${NAME})`,
    'g',
  );
  for (const m of code.matchAll(declarations)) names.push({ name: m[1], line: lineAt(code, m.index) });
  for (const m of code.matchAll(/\bexport\s+default\b/g))
    names.push({ name: 'default', line: lineAt(code, m.index) });
  for (const m of code.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const entry of listEntries(m[1])) names.push({ name: entry.exported, line: lineAt(code, m.index) });
  }
  for (const m of code.matchAll(new RegExp(`\\bexport\\s+\\*\\s+as\\s+(${NAME})\\s+from\\b`, 'g'))) {
    names.push({ name: m[1], line: lineAt(code, m.index) });
  }
  for (const m of code.matchAll(/\bexport\s+(?:type\s+)?\*\s+from\s*(['"])([^'"\n]+)\1/g)) {
    stars.push({ specifier: m[2], line: lineAt(code, m.index) });
  }
  return { names, stars };
}

/** `a, type B, c as d` → [{ local: 'a', exported: 'a' }, { local: 'B', … }, { local: 'c', exported: 'd' }]. */
function listEntries(list) {
  return list
    .split(',')
    .map((entry) => entry.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((entry) => {
      const [local, exported] = entry.split(/\s+as\s+/);
      return { local: local.trim(), exported: (exported ?? local).trim() };
    });
}

/**
 * The names `source` takes from the module `specifier`: named and default imports, re-exports,
 * the members read off a namespace import, and the names destructured from `await import()`.
 * `'all'` when it takes the whole module without saying which names (`export *`, a bare `import()`).
 */
export function importsOf(source, specifier) {
  const code = blankComments(source);
  const quoted = `(?<q>['"])${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\k<q>`;
  /** @type {Set<string>} */
  const names = new Set();
  for (const m of code.matchAll(
    new RegExp(`\\bimport\\s+(?:type\\s+)?([^'";]*?)\\s*\\bfrom\\s*${quoted}`, 'g'),
  )) {
    const clause = m[1];
    const named = /\{([^}]*)\}/.exec(clause);
    if (named) for (const entry of listEntries(named[1])) names.add(entry.local);
    const namespace = new RegExp(`\\*\\s*as\\s+(${NAME})`).exec(clause)?.[1];
    if (namespace) {
      for (const use of code.matchAll(
        new RegExp(`(?<![\\w$.])${namespace.replace(/\$/g, '\\$')}\\.(${NAME})`, 'g'),
      ))
        names.add(use[1]);
    }
    if (clause.replace(/\{[^}]*\}|\*\s*as\s+\S+|,/g, '').trim()) names.add('default');
  }
  for (const m of code.matchAll(
    new RegExp(`\\bexport\\s+(?:type\\s+)?\\{([^}]*)\\}\\s*from\\s*${quoted}`, 'g'),
  )) {
    for (const entry of listEntries(m[1])) names.add(entry.local);
  }
  if (new RegExp(`\\bexport\\s+(?:type\\s+)?\\*\\s*(?:as\\s+${NAME}\\s+)?from\\s*${quoted}`).test(code))
    return 'all';
  const destructured = new RegExp(`\\{([^}]*)\\}\\s*=\\s*await\\s+import\\(\\s*${quoted}\\s*\\)`, 'g');
  let dynamicImports = 0;
  for (const m of code.matchAll(destructured)) {
    dynamicImports += 1;
    for (const entry of m[1].split(',')) {
      const local = entry.split(':')[0]?.trim();
      if (local) names.add(local);
    }
  }
  const everyDynamic = code.match(new RegExp(`\\bimport\\(\\s*${quoted}\\s*\\)`, 'g'))?.length ?? 0;
  return everyDynamic > dynamicImports ? 'all' : names;
}

/** Every entry point of every workspace, with the names it exports and those no other workspace imports. */
export function checkSurfaces(root) {
  const workspaces = listWorkspaces(root);
  const files = listCheckedFiles(root).filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts'));
  const owner = (file) =>
    workspaces.filter((w) => file.startsWith(`${w.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0]
      ?.dir;
  const texts = new Map(files.map((file) => [file, readText(root, file) ?? '']));
  /** @type {Surface[]} */
  const surfaces = [];
  for (const workspace of workspaces) {
    for (const { specifier, file } of entryPoints(root, workspace)) {
      const full = path.join(root, file);
      if (!existsSync(full)) {
        surfaces.push({
          workspace: workspace.dir,
          specifier,
          file,
          missing: true,
          exported: [],
          unused: [],
          stars: [],
        });
        continue;
      }
      const { names, stars } = exportsOf(readFileSync(full, 'utf8'));
      const exported = dedupe([
        ...names,
        ...stars.flatMap((star) =>
          starNames(full, star.specifier).map((name) => ({ name, line: star.line })),
        ),
      ]);
      const used = new Set();
      let all = false;
      for (const [other, text] of texts) {
        if (owner(other) === workspace.dir || !text.includes(specifier)) continue;
        const taken = importsOf(text, specifier);
        if (taken === 'all') all = true;
        else for (const name of taken) used.add(name);
      }
      const unused = all ? [] : exported.filter((e) => !used.has(e.name)).sort((a, b) => a.line - b.line);
      surfaces.push({ workspace: workspace.dir, specifier, file, missing: false, exported, unused, stars });
    }
  }
  return surfaces;
}

/** The names `export * from specifier` brings, following the module's own stars. */
function starNames(fromFile, specifier, seen = new Set()) {
  if (!specifier.startsWith('.')) return [];
  const target = path.resolve(path.dirname(fromFile), specifier);
  if (seen.has(target) || !existsSync(target)) return [];
  seen.add(target);
  const { names, stars } = exportsOf(readFileSync(target, 'utf8'));
  return [
    ...names.map((n) => n.name).filter((name) => name !== 'default'),
    ...stars.flatMap((star) => starNames(target, star.specifier, seen)),
  ];
}

function dedupe(names) {
  const seen = new Set();
  return names.filter(({ name }) => !seen.has(name) && seen.add(name));
}

/** Every problem, one line each, in a stable order. */
export function problems(surfaces) {
  return surfaces.flatMap((s) => {
    if (s.missing)
      return [`${s.workspace}/package.json: exports ${s.specifier} from ${s.file}, which does not exist`];
    return [
      ...s.stars.map(
        (star) =>
          `${s.file}:${star.line}: export * from '${star.specifier}' hides the surface: list the names`,
      ),
      ...s.unused.map((u) => `${s.file}:${u.line}: exports '${u.name}', which no other workspace imports`),
    ];
  });
}

export function report(surfaces) {
  const found = problems(surfaces);
  if (found.length === 0) {
    const names = surfaces.reduce((sum, s) => sum + s.exported.length, 0);
    return {
      ok: true,
      text: `check-surfaces: the ${surfaces.length} entry points export ${names} names, each imported by another workspace.`,
    };
  }
  return {
    ok: false,
    text: [
      `check-surfaces: ${found.length} problem(s):`,
      ...found.map((line) => `  ${line}`),
      'An entry point exports what other workspaces import, by name: unexport the rest (the package',
      "imports it by relative path), move test helpers to a 'testing' entry point, delete what nothing uses.",
    ].join('\n'),
  };
}

/** Per entry point: names exported and how many of them no other workspace imports. */
export function counts(surfaces) {
  return surfaces.map(
    (s) =>
      `${s.specifier.padEnd(36)} ${String(s.exported.length).padStart(4)} exported ${String(s.unused.length).padStart(4)} unused`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? process.argv[rootFlag + 1] : REPO_ROOT;
  const surfaces = checkSurfaces(root);
  if (process.argv.includes('--counts')) console.log(counts(surfaces).join('\n'));
  const { ok, text } = report(surfaces);
  (ok ? console.log : console.error)(text);
  process.exitCode = ok ? 0 : 1;
}
