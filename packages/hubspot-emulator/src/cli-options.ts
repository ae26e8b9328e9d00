import { parseArgs } from 'node:util';
import { z } from 'zod';

const Cli = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(4001),
  host: z.string().default('127.0.0.1'),
  'client-id': z.string().optional(),
  'client-secret': z.string().optional(),
  'redirect-uri': z.array(z.string().url()).optional(),
  'webhook-url': z.string().url().optional(),
  'no-rate-limits': z.boolean().optional(),
});
export type CliOptions = z.infer<typeof Cli>;

/** Parses the command line; every bad flag is reported at once. */
export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'webhook-url': { type: 'string' },
      'no-rate-limits': { type: 'boolean' },
    },
    strict: true,
  });
  const parsed = Cli.safeParse(values);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}
