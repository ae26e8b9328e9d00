import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

/** Bench parameters from `--name=value` arguments; every bad one is reported at once. */
export const benchConfigSchema = z.object({
  inbound: int(2_000),
  outbound: int(1_000),
  /** QBO customers taken by the first-sync scenario. */
  firstSync: int(5_000),
  steadySeconds: int(120),
  /** Edits per second on each side during the steady-state scenario. */
  steadyRate: z.coerce.number().positive().default(1),
  portals: int(50),
  /** Changes per portal in the many-portals burst. */
  burst: int(10),
  /** Sizes of the scale-of-cost scenario; 8000 only with --scale-large. */
  scale: z
    .string()
    .default('500,2000')
    .transform((s) => s.split(',').filter(Boolean).map(Number)),
  scaleLarge: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Invoices the two-workers scenario sends to QBO, in `twoWorkersWaves` drains. */
  twoWorkers: int(1_200),
  twoWorkersWaves: int(6),
  /** Run the worker from the production build (dist/worker.js, built first), as operators run it. */
  productionBuild: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  perCallDelayMs: int(0),
  concurrency: int(4),
  only: z.string().optional(),
  timeoutMs: int(600_000),
});

export type BenchConfig = z.infer<typeof benchConfigSchema>;

export function parseBenchArgs(argv: readonly string[]): BenchConfig {
  const raw: Record<string, string> = {};
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new Error(`unknown argument ${arg}`);
    raw[m[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = m[2] ?? 'true';
  }
  const parsed = benchConfigSchema.strict().safeParse(raw);
  if (!parsed.success) throw new Error(`bad bench arguments: ${z.prettifyError(parsed.error)}`);
  // The 8,000 run measures the worker as it is deployed: the production build.
  return { ...parsed.data, productionBuild: parsed.data.productionBuild || parsed.data.scaleLarge };
}
