import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { databaseEnvShape } from '@ledgersync/config';
import { sandboxEnvSchema } from '../../apps/sandbox/src/sandbox-config.ts';
import { serverEnvSchema } from '../../apps/server/src/server-config.ts';
import { workerEnvSchema } from '../../apps/worker/src/worker-config.ts';

// .env.example is the one list of variables an operator reads (docs/DEPLOY.md points to it): every
// variable a program's schema reads must be there, set or commented out with its meaning above it.
const documented = new Set(
  [
    ...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(
      /^#?\s*([A-Z][A-Z0-9_]*)=/gm,
    ),
  ].map((match) => match[1]),
);

describe('.env.example', () => {
  it.each([
    ['server', Object.keys(serverEnvSchema.shape)],
    ['worker', Object.keys(workerEnvSchema.shape)],
    ['migrate', Object.keys(databaseEnvShape)],
    ['sandbox', Object.keys(sandboxEnvSchema.shape)],
  ])('documents every variable the %s reads', (_program, variables) => {
    // Lower-case names are npm's own (the sandbox's `npm start -- --reset`), not an operator's.
    const operators = variables.filter((name) => /^[A-Z]/.test(name));
    expect(operators.filter((name) => !documented.has(name))).toEqual([]);
  });
});
