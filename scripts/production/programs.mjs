import { readFileSync } from 'node:fs';

/**
 * The programs production runs, each bundled to dist/<name>.js: its entry point, and the npm script
 * that runs the bundle (in the repository after a build, and in the deploy folder).
 */
export const PROGRAMS = {
  server: { entry: 'apps/server/src/main.ts', script: 'start:server' },
  worker: { entry: 'apps/worker/src/main.ts', script: 'start:worker' },
  migrate: { entry: 'packages/db/src/migrate/main.ts', script: 'migrate' },
  'rotate-keys': { entry: 'packages/db/src/key-rotation/main.ts', script: 'keys:rotate' },
  'set-plan': { entry: 'packages/db/src/plan/main.ts', script: 'plan:set' },
};

const ROOT_SCRIPTS = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;

/**
 * Node's flags for a program as its npm script in the repository gives them (source maps, the
 * worker's heap cap), without the .env flag: the deploy folder's scripts and the production proof
 * run the bundles with the same flags.
 */
export function nodeFlagsOf(name) {
  const words = (ROOT_SCRIPTS[PROGRAMS[name].script] ?? '').split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== `dist/${name}.js`)
    throw new Error(`npm script ${PROGRAMS[name].script} is not "node <flags> dist/${name}.js"`);
  return words.slice(1, -1).filter((w) => !w.startsWith('--env-file'));
}
