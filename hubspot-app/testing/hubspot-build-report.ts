// What a build of the project's uploaded source with HubSpot's own tools found. Written as JSON by
// the build process (hubspot-build.ts) and read by the test, so paths are relative to the source dir.

export interface DependencyInstall {
  /** Folder `npm install` ran in: a workspace root or a folder with a package.json of its own. */
  dir: string;
  /** Workspace members the install covered (empty for a standalone package). */
  members: string[];
  /** npm's output tail when the install failed; null when it succeeded. */
  error: string | null;
}

export interface ParsedComponent {
  uid: string;
  componentType: string;
  metaFilePath: string;
  /** The app component this one belongs to, as the parser wired it. */
  app: string | null;
}

export interface ExtensionBuild {
  uid: string;
  entrypoint: string;
  /** Bundle written by the build, null when the build failed. */
  bundle: { file: string; bytes: number } | null;
  /** Source modules of the project (not node_modules) the bundle holds, as paths under the source dir. */
  projectModules: string[];
  /** Relative imports in the component's folder that reach outside it (see find-parent-imports.ts). */
  parentImports: string[];
  /** Warnings and errors the build printed about the project's own code (failures also throw). */
  messages: string[];
  error: string | null;
}

export interface HubSpotBuildReport {
  platformVersion: string;
  latestPlatformVersion: string;
  knownPlatformVersion: boolean;
  /** `file:` dependencies and workspace folders outside the source dir: an upload would lack them. */
  dependenciesOutsideSource: string[];
  installs: DependencyInstall[];
  parseError: string | null;
  skippedHsMetaFiles: string[];
  components: ParsedComponent[];
  /** `${NAME}` placeholders the profile left unresolved in any component's config. */
  unresolvedVariables: string[];
  builds: ExtensionBuild[];
}
