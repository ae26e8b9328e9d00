import { z } from 'zod';
import { parseKeyring } from '../crypto/parse-keyring.ts';

/** The variables every app that touches the database needs; apps extend this schema with their own. */
export const databaseEnvShape = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }),
  TOKEN_ENCRYPTION_KEYS: z.string().transform((value, ctx) => {
    const parsed = parseKeyring(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.keys;
  }),
  TOKEN_ENCRYPTION_ACTIVE_KEY_ID: z.string().min(1).optional(),
};
