#!/usr/bin/env node
// Fails on two kinds of stale writing in the source:
// - a work-item tag (the letter W and a number, an issue or item number): commit messages carry
//   those; in code, comments or test names they outlive the work and mean nothing to a reader;
// - a comment in TypeScript that names a file that does not exist: it sends the reader nowhere,
//   usually because the file was renamed or moved.
//
//   node scripts/check-tags-and-paths.mjs [--root DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { listCheckedFiles, REPO_ROOT, readText } from './lib/repo-files.mjs';

const TAGGED = /\.(?:ts|tsx|js|mjs|json)$/;
const COMMENTED = /\.(?:tsx?)$/;

// A work item: W and one or two digits as a word; the words issue, ticket or item and a number
// (with or without `#`; "line item" and a number is a HubSpot association type, not a tag); `#`
// and one or two digits (colours have three or more, and an HTML entity starts with `&#`).
const TAGS = [
  /(?<![\w-])W\d{1,2}(?![\w-])/g,
  /\b(?:issue|ticket)\s+#?\d+\b/gi,
  /(?<!\bline\s)\bitem\s+#?\d+\b/gi,
  /(?<![\w&#/])#\d{1,2}(?![\w-])/g,
];

// The extensions that make a token a file of ours rather than a property access (`hubspot.fetch`)
// or a host name.
const EXTENSIONS = 'ts|tsx|js|mjs|cjs|json|md|sql|prisma|yml|yaml|sh|toml|csv|html|css|txt';
// A path: at least one folder (`./` and `../` count) and a file name with a known extension. Not
// preceded by a name character, `.`, `/`, `@`, `:`, `-` or a placeholder's `<>{}$*`
// (then it is the tail of something longer: a URL, a package path, a pattern); not followed by a
// name character or `/`. A bare file name is not checked: without a folder it is as often a name
// that is no file of ours (a bundle's output name, a file a tool writes).
const PATH = new RegExp(
  `(?<![\\w./@:*$<>{}-])(?:[\\w@.+-]+/)+[\\w+-][\\w.+-]*\\.(?:${EXTENSIONS})(?![\\w/*-])`,
  'g',
);
const URL_LIKE = /\b[a-z][\w+.-]*:\/\/\S*/gi;

/** Every work-item tag in one file's text, with its line. */
export function tagsIn(path, text) {
  const found = [];
  text.split('\n').forEach((line, index) => {
    const matches = TAGS.flatMap((pattern) => [...line.matchAll(pattern)]).sort((a, b) => a.index - b.index);
    let end = -1;
    for (const match of matches) {
      if (match.index < end) continue; // inside a longer tag: the number of an issue
      end = match.index + match[0].length;
      found.push({ file: path, line: index + 1, token: match[0], why: 'is a work-item tag' });
    }
  });
  return found;
}

/** The comments of a TypeScript file, each with the line it starts on. */
export function commentsOf(path, text) {
  const source = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.Latest,
    false,
    path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const ranges = new Map();
  const visit = (node) => {
    // Every comment is trivia in front of some token (the end-of-file token for the last ones):
    // TypeScript counts those on the previous token's line as its trailing comments, the rest as
    // the next token's leading ones.
    for (const range of [
      ...(ts.getTrailingCommentRanges(text, node.pos) ?? []),
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
    ]) {
      ranges.set(range.pos, range);
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...ranges.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((range) => ({
      line: source.getLineAndCharacterOfPosition(range.pos).line + 1,
      text: text.slice(range.pos, range.end),
    }));
}

/** The file paths one comment names (URLs left out), each with its line. */
export function pathsIn(comment) {
  const found = [];
  comment.text.split('\n').forEach((line, offset) => {
    for (const match of line.replace(URL_LIKE, (url) => ' '.repeat(url.length)).matchAll(PATH)) {
      found.push({ line: comment.line + offset, token: match[0] });
    }
  });
  return found;
}

/**
 * The repository paths a path named in `path`'s comments may mean: a `./` or `../` path read from
 * the commenting file's folder; any other from that folder and from each folder above it up to
 * the root, since comments name files relative to where they sit, to their workspace (`src/…`) or
 * to the repository.
 */
export function candidatesOf(path, token) {
  if (token.startsWith('./') || token.startsWith('../')) {
    return [posix.normalize(posix.join(posix.dirname(path), token))];
  }
  // A package's own path (`@scope/name/…`) is looked up where npm installs it.
  const candidates = token.startsWith('@') ? [`node_modules/${token}`] : [];
  for (let folder = posix.dirname(path); ; folder = posix.dirname(folder)) {
    candidates.push(posix.join(folder, token));
    if (folder === '.' || folder === '') return candidates;
  }
}

/**
 * Every file named in one TypeScript file's comments that the repository does not have. A path
 * git ignores (`.data/…`, generated code) is made at run time or by a build and is fine to name.
 */
export function deadPathsIn(path, text, { exists, ignored }) {
  return commentsOf(path, text).flatMap((comment) =>
    pathsIn(comment)
      .filter((p) => !candidatesOf(path, p.token).some((c) => exists(c) || ignored(c)))
      .map((p) => ({ file: path, line: p.line, token: p.token, why: 'names a file that does not exist' })),
  );
}

/** Whether git ignores a repository path (which need not exist). */
function ignoredIn(root) {
  return (path) => {
    if (path.startsWith('../')) return false;
    try {
      execFileSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: root, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
}

/** Every tag and dead file path in the checked files under `root`, by file and line. */
export function findTagsAndPaths(root) {
  const tree = { exists: (path) => existsSync(join(root, path)), ignored: ignoredIn(root) };
  return listCheckedFiles(root).flatMap((path) => {
    if (!TAGGED.test(path)) return [];
    const text = readText(root, path);
    if (text === undefined) return [];
    const dead = COMMENTED.test(path) ? deadPathsIn(path, text, tree) : [];
    return [...tagsIn(path, text), ...dead].sort((a, b) => a.line - b.line);
  });
}

export function report(found) {
  if (found.length === 0) {
    return { ok: true, text: 'check-tags-and-paths: no work-item tag, no comment naming a missing file.' };
  }
  return {
    ok: false,
    text: [
      `check-tags-and-paths: ${found.length} problem(s):`,
      ...found.map((f) => `  ${f.file}:${f.line}: ${f.token} ${f.why}`),
      'Work-item tags belong in commit messages (requirement ids R-… stay); a comment names files',
      'that exist: fix the path or say what the file does instead.',
    ].join('\n'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rootFlag = process.argv.indexOf('--root');
  const root = rootFlag > 0 ? process.argv[rootFlag + 1] : REPO_ROOT;
  const { ok, text } = report(findTagsAndPaths(root));
  (ok ? console.log : console.error)(text);
  process.exitCode = ok ? 0 : 1;
}
