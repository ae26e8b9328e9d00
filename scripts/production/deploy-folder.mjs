// The production install, exactly as the Dockerfile's runtime stage makes it: the build output in a
// clean folder, then `npm ci --omit=dev` on its pruned manifest.
import { execFileSync } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Packages a production install must not hold: CLIs, the sandbox's and the tests' tools, our workspaces. */
const NOT_IN_PRODUCTION = [
  /^prisma$/,
  /^@prisma\/(engines|studio-core|dev|config)$/,
  /^@electric-sql\//,
  /^playwright(-core)?$/,
  /^esbuild$/,
  /^tsx$/,
  /^typescript$/,
  /^jest$/,
  /^@swc\//,
  /^@ledgersync\//,
];

export async function installDeployFolder(distDir, folder) {
  await cp(distDir, folder, { recursive: true });
  execFileSync(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: folder,
      stdio: 'inherit',
    },
  );
}

async function installedNames(folder) {
  const names = [];
  for (const entry of await readdir(join(folder, 'node_modules'), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!entry.name.startsWith('@')) names.push(entry.name);
    else {
      for (const inner of await readdir(join(folder, 'node_modules', entry.name)))
        names.push(`${entry.name}/${inner}`);
    }
  }
  return names;
}

/** Size on disk of node_modules, installed package count, and any package that must not be there. */
export async function inspectInstall(folder) {
  const kb = Number(
    execFileSync('du', ['-sk', join(folder, 'node_modules')], { encoding: 'utf8' }).split('\t')[0],
  );
  const lock = JSON.parse(await readFile(join(folder, 'node_modules/.package-lock.json'), 'utf8'));
  const packages = Object.values(lock.packages).filter((entry) => !entry.link).length;
  const forbidden = (await installedNames(folder)).filter((name) =>
    NOT_IN_PRODUCTION.some((re) => re.test(name)),
  );
  return { sizeMb: Math.round(kb / 1024), packages, forbidden };
}
