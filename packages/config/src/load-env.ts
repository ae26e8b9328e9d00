import type { z } from 'zod';

/** A bad environment: `problems` lists every variable that is wrong, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid environment (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses `env` with `schema` once, at start-up. Values are never echoed in the message, since
 * many of them are secrets.
 */
export function loadEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && env[String(issue.path[0])] === undefined;
    return `${name}: ${missing ? 'is required but not set' : issue.message}`;
  });
  throw new ConfigError(problems);
}
