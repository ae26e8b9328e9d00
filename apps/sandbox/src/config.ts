import { z } from 'zod';

/** The sandbox needs nothing set: with no DATABASE_URL it runs its own embedded Postgres. */
export const sandboxEnvSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  SANDBOX_DATA_DIR: z.string().min(1).default('.data'),
});
export type SandboxEnv = z.output<typeof sandboxEnvSchema>;
