#!/usr/bin/env node
// Fails when a file of the repository points outside it: a relative path that climbs above the
// repository root from where the file sits, an absolute path into the machines' work folder, or
// a path into the specification folder the project was first written from, which sat beside it.
// A fresh clone has none of those, so whatever needs them breaks there (tests, links, tsconfig,
// scripts).
//
//   node scripts/check-standalone.mjs [--root DIR]
import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listCheckedFiles, REPO_ROOT, readText } from './lib/repo-files.mjs';

// What a path token may hold: anything but space, quotes, brackets and separators around it.
const TAIL = '[^\\s\'"`()[\\]{},;<>|*?]*';
// A path-like token holding a parent step. It must not start right after a word character, a dot,
// a slash or an @: then it is the tail of a longer token (a URL, `a/../b` inside a path) that we
// cannot resolve from the file's folder.
const CLIMBING = new RegExp(`(?<![\\w./@~-])(?:[\\w@.+-]+/)*\\.\\./${TAIL}`, 'g');
const ABSOLUTE_WORK = new RegExp(`(?<![\\w.~-])\\/work\\/${TAIL}`, 'g');
// The specification folder beside the repository, however it is reached: its own sub-folders and
// documents. A folder of ours named shared/ (the HubSpot project has one) is not that folder.
const SIBLING = new RegExp(
  `(?<![\\w./-])(?:\\.\\./)*shared\\/(?:specs|reference|seed|REQUIREMENTS|ARCHITECTURE)${TAIL}`,
  'g',
);

/**
 * Every place in one file's text that points outside the repository, once per place. `exists`
 * says whether a repository-relative path exists.
 */
export function outsidePathsIn(path, text, exists) {
  const found = new Map();
  const folder = dirname(path);
  text.split('\n').forEach((line, index) => {
    const at = (match, why) => {
      const key = `${index}:${match.index}`;
      if (!found.has(key)) found.set(key, { file: path, line: index + 1, token: trimmed(match[0]), why });
    };
    for (const match of line.matchAll(CLIMBING)) {
      const target = posix.normalize(posix.join(folder, trimmed(match[0])));
      if (target === '..' || target.startsWith('../')) at(match, 'climbs above the repository root');
    }
    for (const match of line.matchAll(ABSOLUTE_WORK)) at(match, 'is an absolute path on one machine');
    for (const match of line.matchAll(SIBLING)) {
      const token = trimmed(match[0]);
      const candidates = [posix.join(folder, token), ...(token.startsWith('../') ? [] : [token])];
      if (!candidates.some(exists)) at(match, 'names a folder beside the repository');
    }
  });
  return [...found.values()];
}

/** Every place in the checked files under `root` that points outside it. */
export function findOutsidePaths(root) {
  const exists = (path) => existsSync(join(root, path));
  return listCheckedFiles(root).flatMap((path) => {
    const text = readText(root, path);
    return text === undefined ? [] : outsidePathsIn(path, text, exists);
  });
}

function trimmed(token) {
  return token.replace(/[.:]+$/, '');
}

export function report(found) {
  if (found.length === 0) return { ok: true, text: 'check-standalone: no path leaves the repository.' };
  const lines = found.map((f) => `  ${f.file}:${f.line}: ${f.token} ${f.why}`);
  return {
    ok: false,
    text: [
      `check-standalone: ${found.length} path(s) leave the repository:`,
      ...lines,
      'A clone has nothing beside it: bring what is needed into the repository (test data under a',
      'fixtures/ folder with its licence and SOURCES.md, facts in docs/) and point there.',
    ].join('\n'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? process.argv[rootFlag + 1] : REPO_ROOT;
  const { ok, text } = report(findOutsidePaths(root));
  (ok ? console.log : console.error)(text);
  process.exitCode = ok ? 0 : 1;
}
