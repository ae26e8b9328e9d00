import { describe, expect, it } from '@jest/globals';
import { parseRotationArgs } from './rotation-args.ts';

describe('keys:rotate arguments', () => {
  it('writes by default in batches of 100; --dry-run only counts; --batch-size=N sets the batch', () => {
    expect(parseRotationArgs([])).toEqual({ ok: true, options: { dryRun: false, batchSize: 100 } });
    expect(parseRotationArgs(['--dry-run', '--batch-size=25'])).toEqual({
      ok: true,
      options: { dryRun: true, batchSize: 25 },
    });
  });

  it.each([['--dryrun'], ['--batch-size=0'], ['--batch-size=20000'], ['--batch-size=ten'], ['extra']])(
    'refuses %j',
    (arg) => {
      expect(parseRotationArgs([arg])).toMatchObject({ ok: false, error: expect.stringContaining(arg) });
    },
  );
});
