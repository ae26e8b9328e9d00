import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { commentsOf, findTagsAndPaths, report, tagsIn } from './check-tags-and-paths.mjs';

// A small repository with tags and file names in every place they can hide: the bad ones are in
// the fixture files, not here, since this file is read by the repository's other checks.
const FIXTURE = fileURLToPath(new URL('./test-fixtures/tags-and-paths/', import.meta.url));
const found = () => findTagsAndPaths(FIXTURE).map(({ file, line, token }) => `${file}:${line} ${token}`);

describe('check-tags-and-paths', () => {
  it('names file, line and token of every work-item tag and every dead path, and nothing else', () => {
    expect(found()).toEqual([
      'packages/a/src/deep/file.ts:1 src/gone.ts',
      'src/paths.ts:1 ./gone.ts',
      'src/paths.ts:2 ports/missing-gateway.ts',
      'src/settings.json:1 W16',
      'src/tagged.ts:6 W12',
      'src/tagged.ts:7 W3',
      'src/tagged.ts:8 issue #12',
      'src/tagged.ts:8 item 4',
      'src/tagged.ts:8 #5',
      'src/view.tsx:4 views/missing-card.tsx',
    ]);
  });

  it('finds tags in comments, test names and JSON, but not in SKUs, entities, colours or requirement ids', () => {
    expect(tagsIn('a.ts', "const sku = 'W-1'; // R-ERR-7, #33475b, &#39;, line item 409, W100").length).toBe(
      0,
    );
    expect(tagsIn('a.ts', "it('W7: does it', () => {});").map((t) => t.token)).toEqual(['W7']);
    expect(tagsIn('a.ts', '// see issue #7').map((t) => t.token)).toEqual(['issue #7']);
  });

  it('reads a path from the file, its workspace or the repository, and skips what is not a file of ours', () => {
    const files = found().map((f) => f.split(' ')[0]);
    // ../src/other.ts and src/other.ts exist; src/util.ts exists in the workspace of packages/a.
    expect(files.filter((f) => f.startsWith('src/paths.ts'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('packages/a/'))).toHaveLength(1);
    // URLs, bare names, ignored (.data/), placeholders, patterns, packages' own paths: none.
    expect(found().join('\n')).not.toMatch(/example\.com|host\.js|\.data|<date>|\*|@hubspot|hubspot\.fetch/);
  });

  it('reads only comments of TypeScript: not strings, templates, regular expressions, JSX text or .js', () => {
    expect(found().join('\n')).not.toMatch(/nowhere|again|lib\/gone|not-a-comment|script\.js/);
    const comments = commentsOf('v.tsx', 'const a = <b>{/* one */}</b>; // two\n/* three */');
    expect(comments.map((c) => c.text)).toEqual(['/* one */', '// two', '/* three */']);
  });

  it('leaves out Markdown', () => {
    expect(found().some((f) => f.startsWith('README.md'))).toBe(false);
  });

  it('fails with the list and what to do, passes when there is nothing', () => {
    const failed = report(findTagsAndPaths(FIXTURE));
    expect(failed.ok).toBe(false);
    expect(failed.text).toContain(
      '  src/paths.ts:2: ports/missing-gateway.ts names a file that does not exist',
    );
    expect(failed.text).toContain('  src/tagged.ts:6: W12 is a work-item tag');
    expect(report([])).toEqual({
      ok: true,
      text: 'check-tags-and-paths: no work-item tag, no comment naming a missing file.',
    });
  });
});
