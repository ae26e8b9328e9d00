import { parseArgs } from 'node:util';
import { databaseEnvShape, logLevelEnvShape, port } from '@ledgersync/config';
import { z } from 'zod';

/** The sandbox needs nothing set: with no DATABASE_URL it runs its own embedded Postgres. */
export const sandboxEnvSchema = z.object({
  DATABASE_URL: databaseEnvShape.DATABASE_URL.optional(),
  SANDBOX_DATA_DIR: z.string().min(1).default('.data'),
  SANDBOX_HOST: z.string().default('127.0.0.1'),
  /** Preferred ports; a taken one is replaced by a free one. 0 = any free port. */
  SANDBOX_PREVIEW_PORT: port.default(4000),
  SANDBOX_SERVER_PORT: port.default(4010),
  SANDBOX_HUBSPOT_PORT: port.default(4001),
  SANDBOX_QBO_PORT: port.default(4002),
  ...logLevelEnvShape('warn'),
  // `npm start -- --reset` reaches npm, not us: the root script calls `npm run` again, which takes
  // the flags as its own config and passes them on as these variables.
  npm_config_reset: z.string().optional(),
  npm_config_seed: z.string().optional(),
});
export type SandboxEnv = z.output<typeof sandboxEnvSchema>;

export interface SandboxFlags {
  reset: boolean;
  seed: boolean;
}

export function parseFlags(
  argv: readonly string[],
  npm: { npm_config_reset?: string | undefined; npm_config_seed?: string | undefined } = {},
): SandboxFlags {
  const { values } = parseArgs({
    args: [...argv],
    options: { reset: { type: 'boolean', default: false }, 'no-seed': { type: 'boolean', default: false } },
    strict: true,
  });
  return {
    reset: values.reset || npm.npm_config_reset === 'true',
    seed: !values['no-seed'] && npm.npm_config_seed !== 'false',
  };
}
