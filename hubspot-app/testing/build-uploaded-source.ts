import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { HubSpotBuildReport } from './hubspot-build-report.ts';

const run = promisify(execFile);
const buildScript = fileURLToPath(new URL('./hubspot-build.ts', import.meta.url));

export interface UploadedSourceBuild {
  report: HubSpotBuildReport;
  /** Removes the temp folder the source was copied to. */
  cleanUp(): void;
}

/**
 * Copies the project's source folder, and nothing beside it, into an empty temp folder (what
 * `hs project upload` sends) and builds that copy with HubSpot's tools in a separate process.
 */
export async function buildUploadedSource(projectDir: string, profile: string): Promise<UploadedSourceBuild> {
  const project = JSON.parse(readFileSync(join(projectDir, 'hsproject.json'), 'utf8')) as {
    srcDir: string;
    platformVersion: string;
  };
  const workDir = mkdtempSync(join(tmpdir(), 'ledgersync-hubspot-upload-'));
  const cleanUp = () => rmSync(workDir, { recursive: true, force: true });
  try {
    const srcDir = join(workDir, 'src');
    // The CLI leaves installed packages and dotfiles out of an upload.
    cpSync(join(projectDir, project.srcDir), srcDir, {
      recursive: true,
      filter: (source) => basename(source) !== 'node_modules' && !basename(source).startsWith('.'),
    });
    const reportFile = join(workDir, 'report.json');
    const args = [srcDir, project.platformVersion, profile, join(workDir, 'dist'), reportFile];
    // The build script is TypeScript, run with tsx as the repository's scripts are; `--import tsx`
    // resolves from the working directory, hence the project's own folder.
    await run(process.execPath, ['--import', 'tsx', buildScript, ...args], {
      cwd: projectDir,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as HubSpotBuildReport, cleanUp };
  } catch (error) {
    cleanUp();
    throw error;
  }
}
