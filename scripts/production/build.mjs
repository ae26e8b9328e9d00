#!/usr/bin/env node
// `npm run build`: the production build. Generates the Prisma client, bundles the server, the
// worker and the migrate command with esbuild (our workspaces inside, every other package left to
// node_modules), copies the migrations beside the bundles and writes the deploy manifest
// (package.json and a package-lock.json pruned from the repository's) that a production install
// runs `npm ci --omit=dev` on. Output: dist/ (see docs/DEPLOY.md).
import { execFileSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { deployManifest, packageNameOf } from './deploy-manifest.mjs';
import { nodeFlagsOf, PROGRAMS } from './programs.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'dist');
const OWN_SCOPE = '@ledgersync/';

/**
 * Our workspaces are bundled; every other package stays an import of node_modules. A bundle in
 * dist/ resolves those imports from the repository's top-level node_modules (and a deploy folder's
 * from its own), so a package our code reaches through a workspace's private node_modules copy
 * would silently load another version there: that fails the build.
 */
function packagesStayExternal() {
  return {
    name: 'packages-stay-external',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith(OWN_SCOPE) || args.pluginData === 'resolving') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'resolving',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const hoisted = join(ROOT, 'node_modules', packageNameOf(args.path));
        if (!resolved.path.startsWith(`${hoisted}/`)) {
          return {
            errors: [
              {
                text: `${args.path} resolves to ${resolved.path}, not to the hoisted ${hoisted}: a bundle would load another version. Align the version ranges so npm hoists one copy.`,
              },
            ],
          };
        }
        return { path: args.path, external: true };
      });
    },
  };
}

console.log('== Prisma client');
execFileSync('npm', ['run', 'db:generate', '--silent'], { cwd: ROOT, stdio: 'inherit' });

console.log('== Bundles');
await rm(OUT, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(Object.entries(PROGRAMS).map(([name, p]) => [name, p.entry])),
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [packagesStayExternal()],
});
const imported = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const entry of output.imports) {
    if (entry.external && !isBuiltin(entry.path)) imported.add(packageNameOf(entry.path));
  }
}
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) console.log(`  ${file}  ${(output.bytes / 1024).toFixed(0)} kB`);
}

console.log('== Migrations and deploy manifest');
// Beside the bundles: the migrate command looks for them there first.
await cp(join(ROOT, 'prisma/migrations'), join(OUT, 'migrations'), { recursive: true });
const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8'));
const { engines } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
// The same commands as the repository's scripts (npm run start:server …), run from the deploy folder.
const scripts = Object.fromEntries(
  Object.entries(PROGRAMS).map(([name, p]) => [
    p.script,
    ['node', ...nodeFlagsOf(name), '--env-file-if-exists=.env', `${name}.js`].join(' '),
  ]),
);
const manifest = deployManifest(lock, imported, {
  name: 'ledgersync-deploy',
  private: true,
  type: 'module',
  engines,
  scripts,
});
await writeFile(join(OUT, 'package.json'), `${JSON.stringify(manifest.packageJson, null, 2)}\n`);
await writeFile(join(OUT, 'package-lock.json'), `${JSON.stringify(manifest.lockfile, null, 2)}\n`);
console.log(
  `  ${imported.size} packages imported, ${manifest.packageCount} with what they depend on (dist/package-lock.json)`,
);
