// The files the repository checks read: what git tracks plus new files not yet added (so a check
// run before a commit sees them too), minus what is data rather than our writing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Not ours to check: the lock file; the checks' own tests and test fixtures, which hold bad
 * examples on purpose; and files vendored under a `fixtures/` folder (recordings copied unchanged from other
 * projects; the Markdown beside them, such as their SOURCES.md, is ours and is checked).
 */
export function isChecked(path) {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  if (name === 'package-lock.json') return false;
  if (segments.includes('test-fixtures')) return false;
  if (segments.length === 2 && segments[0] === 'scripts' && name.endsWith('.test.ts')) return false;
  if (segments.slice(0, -1).includes('fixtures') && !name.endsWith('.md')) return false;
  return true;
}

/** Repository-relative paths (with `/`) of the files under `root` that the checks read. */
export function listCheckedFiles(root) {
  let out;
  try {
    out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`cannot list the files of ${root} with git (the checks run in a git checkout): ${error}`);
  }
  return [...new Set(out.split('\0').filter(Boolean))].filter(isChecked).sort();
}

/** The file's text, or undefined for a binary file (or one deleted but not yet staged). */
export function readText(root, path) {
  let bytes;
  try {
    bytes = readFileSync(join(root, path));
  } catch {
    return undefined;
  }
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}
