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
