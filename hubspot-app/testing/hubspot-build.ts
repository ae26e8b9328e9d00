// Builds a copy of the project's uploaded source (srcDir) with HubSpot's own tools and writes what it
// found as a HubSpotBuildReport. Runs as its own process (see build-uploaded-source.ts): Vite and
// Rollup load native code and print freely, neither of which belongs inside a Jest worker.
//
// Usage: tsx hubspot-build.ts <srcDir> <platformVersion> <profile> <outDir> <reportFile>

import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import {
  isKnownPlatformVersion,
  LATEST_SUPPORTED_PLATFORM_VERSION,
} from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';
import { findParentImports } from './find-parent-imports.ts';
import type { ExtensionBuild, HubSpotBuildReport, ParsedComponent } from './hubspot-build-report.ts';
import { installComponentDependencies } from './install-component-dependencies.ts';

/** Component types whose config names a React entry point that HubSpot bundles. */
const UI_EXTENSION_TYPES = new Set(['CARD', 'SETTINGS']);

const { srcDir, platformVersion, profile, outDir, reportFile } = readArguments(process.argv.slice(2));

const { installs, dependenciesOutsideSource } = await installComponentDependencies(srcDir);

const report: HubSpotBuildReport = {
  platformVersion,
  latestPlatformVersion: LATEST_SUPPORTED_PLATFORM_VERSION,
  knownPlatformVersion: isKnownPlatformVersion(platformVersion),
  dependenciesOutsideSource,
  installs,
  parseError: null,
  skippedHsMetaFiles: [],
  components: [],
  unresolvedVariables: [],
  builds: [],
};

try {
  // Validating configs against HubSpot's schemas needs an authenticated account (the parser fetches
  // them from HubSpot's API), so this parse stops short of it (README § Tests).
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
    { projectSourceDir: srcDir, platformVersion, accountId: 0 },
    { skipValidation: true, profile },
  );
  const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
  report.skippedHsMetaFiles = skippedHsMetaFiles;
  report.components = nodes.map(
    (node): ParsedComponent => ({
      uid: node.uid,
      componentType: node.componentType,
      metaFilePath: node.metaFilePath,
      app: typeof node.componentDeps.app === 'string' ? node.componentDeps.app : null,
    }),
  );
  report.unresolvedVariables = nodes.flatMap((node) =>
    [...JSON.stringify(node.config).matchAll(/\$\{([^}]+)\}/g)].map((m) => `${node.uid}: ${m[1]}`),
  );
  for (const node of nodes) {
    if (!UI_EXTENSION_TYPES.has(node.componentType)) continue;
    const { entrypoint } = node.config as { entrypoint: string };
    report.builds.push(await buildExtension(node.uid, dirname(join(srcDir, node.metaFilePath)), entrypoint));
  }
} catch (error) {
  report.parseError = error instanceof Error ? error.message : String(error);
}

writeFileSync(reportFile, JSON.stringify(report, null, 2));

/** One extension, built as HubSpot builds it after an upload: `remoteBuild` from the component's folder. */
async function buildExtension(
  uid: string,
  componentDir: string,
  entrypoint: string,
): Promise<ExtensionBuild> {
  const outputDir = join(outDir, uid);
  const messages: string[] = [];
  const restore = captureConsole(messages);
  const build: ExtensionBuild = {
    uid,
    entrypoint,
    bundle: null,
    projectModules: [],
    parentImports: findParentImports(componentDir),
    messages,
    error: null,
  };
  try {
    await remoteBuild({
      root: componentDir,
      entryPoint: join(srcDir, entrypoint),
      outputDir,
      logLevel: 'warn',
    });
    // Named as the build names them: the entry file's name, `.js`, and a manifest beside it.
    const name = entrypoint.replace(/^.*\//, '').replace(/\.[jt]sx?$/, '');
    build.bundle = { file: `${name}.js`, bytes: statSync(join(outputDir, `${name}.js`)).size };
    const manifest = JSON.parse(readFileSync(join(outputDir, `${name}-manifest.json`), 'utf8')) as {
      modules: { internal: { module: string }[] };
    };
    // The manifest names modules inside the component's folder relative to it, others by full path.
    build.projectModules = manifest.modules.internal
      .map((m) => m.module)
      .filter((m) => !m.startsWith('\0'))
      .map((m) => relative(srcDir, isAbsolute(m) ? m : join(componentDir, m)));
  } catch (error) {
    build.error = error instanceof Error ? error.message : String(error);
  } finally {
    restore();
  }
  return build;
}

function readArguments([srcArg, platformVersion, profile, outDir, reportFile]: string[]) {
  if (!srcArg || !platformVersion || !profile || !outDir || !reportFile) {
    throw new Error('usage: hubspot-build.ts <srcDir> <platformVersion> <profile> <outDir> <reportFile>');
  }
  // Bundlers report modules by their real path, and the temp folder may sit behind a symlink.
  return { srcDir: realpathSync(srcArg), platformVersion, profile, outDir, reportFile };
}

/**
 * The build's plugins report through console.warn/error rather than Vite's logger. Rollup's remarks
 * on installed packages (comment annotations it drops from zod, say) are not the project's to fix.
 */
function captureConsole(into: string[]): () => void {
  const { warn, error } = console;
  const keep = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (!message.includes('/node_modules/')) into.push(message);
  };
  console.warn = keep;
  console.error = keep;
  return () => {
    console.warn = warn;
    console.error = error;
  };
}
