import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';
import {
  collectFileDependencies,
  collectWorkspaceDirectories,
  findAndParsePackageJsonFiles,
  validateWorkspaceProtocolDependencies,
} from '@hubspot/project-parsing-lib/workspaces';
import type { DependencyInstall } from './hubspot-build-report.ts';

const run = promisify(execFile);

export interface ComponentDependencies {
  installs: DependencyInstall[];
  dependenciesOutsideSource: string[];
}

/**
 * Installs what the project's package.json files declare, the way `hs project install-deps` does:
 * one `npm install` per workspace root (covering its members) and one per package outside any
 * workspace. Workspaces and `file:` dependencies are read with HubSpot's parser, the same code the
 * CLI uses to decide what an upload carries.
 */
export async function installComponentDependencies(srcDir: string): Promise<ComponentDependencies> {
  const root = realpathSync(srcDir);
  const packageJsons = await findAndParsePackageJsonFiles(root);
  const workspaces = await collectWorkspaceDirectories(packageJsons);
  validateWorkspaceProtocolDependencies(packageJsons, workspaces);
  const fileDependencies = await collectFileDependencies(packageJsons);

  const inSource = (dir: string) => !relative(root, dir).startsWith('..');
  const dependenciesOutsideSource = [
    ...workspaces.map((w) => w.workspaceDir),
    ...fileDependencies.map((d) => d.localPath),
  ]
    .filter((dir) => !inSource(dir))
    .map((dir) => relative(root, dir));

  const members = new Set(workspaces.map((w) => w.workspaceDir));
  const installs: DependencyInstall[] = [];
  for (const { dir } of packageJsons) {
    const realDir = realpathSync(dir);
    if (members.has(realDir)) continue;
    const covered = workspaces.filter((w) => dirname(realpathSync(w.sourcePackageJsonPath)) === realDir);
    installs.push({
      dir: relative(root, realDir),
      members: covered.map((w) => relative(root, w.workspaceDir)).sort(),
      error: await npmInstall(realDir),
    });
  }
  return { installs, dependenciesOutsideSource };
}

async function npmInstall(dir: string): Promise<string | null> {
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: dir,
      env: npmEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
    return null;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return (stderr || message).trim().split('\n').slice(-15).join('\n');
  }
}

/**
 * Run under `npm test`, this process inherits npm's settings for the monorepo (its prefix, the
 * workspace it runs in); an install in the copied project must see none of them, only where the
 * cache and registry are.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || kept.has(key)),
  );
}
