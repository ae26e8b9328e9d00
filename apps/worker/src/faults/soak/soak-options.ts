import { z } from 'zod';

const options = z.object({
  minutes: z.coerce.number().positive().default(30),
  seed: z.coerce.number().int().nonnegative().default(1),
  /** Records of the initial data set (a third each customers, invoices, payments). */
  records: z.coerce.number().int().positive().default(300),
});
export type SoakOptions = z.infer<typeof options>;

/** `--minutes=N --seed=N --records=N`; anything else is refused by name. */
export function parseSoakOptions(argv: readonly string[]): SoakOptions {
  const raw: Record<string, string> = {};
  for (const arg of argv) {
    const m = /^--([a-z]+)=(.+)$/.exec(arg);
    if (!m?.[1] || m[2] === undefined)
      throw new Error(`unknown argument "${arg}" (use --minutes=N, --seed=N, --records=N)`);
    if (!['minutes', 'seed', 'records'].includes(m[1])) throw new Error(`unknown option --${m[1]}`);
    raw[m[1]] = m[2];
  }
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
