export interface RotationOptions {
  readonly dryRun: boolean;
  readonly batchSize: number;
}

/** The command line of `keys:rotate`: `--dry-run` and `--batch-size=N` (1 to 10 000, 100 by default). */
export function parseRotationArgs(
  argv: readonly string[],
): { ok: true; options: RotationOptions } | { ok: false; error: string } {
  let dryRun = false;
  let batchSize = 100;
  for (const arg of argv) {
    if (arg === '--dry-run') {
      dryRun = true;
      continue;
    }
    const size = /^--batch-size=(\d{1,5})$/.exec(arg)?.[1];
    if (size !== undefined && Number(size) >= 1 && Number(size) <= 10_000) {
      batchSize = Number(size);
      continue;
    }
    return { ok: false, error: `unknown or bad argument ${JSON.stringify(arg)}` };
  }
  return { ok: true, options: { dryRun, batchSize } };
}
