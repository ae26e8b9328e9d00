import { describe, expect, it } from '@jest/globals';
import { deployManifest, packageNameOf } from './deploy-manifest.mjs';

// A repository lock in miniature: `app` is what the bundles import; the rest is its tree and
// what only the repository's other workspaces or its tooling use.
const lock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'repo', devDependencies: { cli: '1.0.0' } },
    'node_modules/app': {
      version: '2.1.0',
      dependencies: { util: '^1.0.0', shared: '^3.0.0' },
      optionalDependencies: { native: '1.0.0' },
      peerDependencies: { cli: '*', logger: '^1.0.0' },
      peerDependenciesMeta: { cli: { optional: true } },
    },
    'node_modules/util': { version: '1.4.0', dev: true },
    'node_modules/native': { version: '1.0.0', optional: true },
    'node_modules/logger': { version: '1.2.0', peer: true },
    'node_modules/shared': { version: '3.0.0', dependencies: { leaf: '^2.0.0' } },
    'node_modules/shared/node_modules/leaf': { version: '2.0.0' },
    'node_modules/leaf': { version: '1.0.0' },
    'node_modules/cli': { version: '1.0.0', dev: true, dependencies: { heavy: '*' } },
    'node_modules/heavy': { version: '9.9.9', dev: true },
    'node_modules/@ours/lib': { resolved: 'packages/lib', link: true },
  },
};

const root = { name: 'deploy', private: true, engines: { node: '>=20.19' } };

describe('deployManifest', () => {
  it('pins what the bundles import and keeps exactly the tree npm installs for it', () => {
    const manifest = deployManifest(lock, ['app'], root);
    expect(manifest.packageJson).toEqual({ ...root, dependencies: { app: '2.1.0' } });
    const packages = manifest.lockfile.packages;
    expect(Object.keys(packages).sort()).toEqual([
      '',
      'node_modules/app',
      'node_modules/logger',
      'node_modules/native',
      'node_modules/shared',
      'node_modules/shared/node_modules/leaf',
      'node_modules/util',
    ]);
    expect(packages['']).toEqual({ name: 'deploy', dependencies: { app: '2.1.0' }, engines: root.engines });
    // The repository's flags do not carry over: here the dev-flagged util is a plain dependency.
    expect(packages['node_modules/util']).toEqual({ version: '1.4.0' });
    expect(packages['node_modules/logger']).toEqual({ version: '1.2.0' });
    expect(packages['node_modules/native']).toEqual({ version: '1.0.0', optional: true });
    expect(manifest.packageCount).toBe(6);
  });

  it('refuses an import that is a workspace or not installed, and a tree with a hole', () => {
    expect(() => deployManifest(lock, ['@ours/lib'], root)).toThrow(
      /@ours\/lib is imported but is not an installed package/,
    );
    expect(() => deployManifest(lock, ['missing'], root)).toThrow(/missing is imported/);
    const holed = { ...lock, packages: { ...lock.packages, 'node_modules/util': undefined } };
    expect(() => deployManifest(holed, ['app'], root)).toThrow(/node_modules\/app needs util/);
  });
});

describe('packageNameOf', () => {
  it.each([
    ['pg', 'pg'],
    ['@prisma/client/runtime/client', '@prisma/client'],
    ['decimal.js', 'decimal.js'],
    ['pino/file', 'pino'],
  ])('%s → %s', (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name);
  });
});
