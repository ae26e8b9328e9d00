// The project as HubSpot receives it: only the source folder, its dependencies installed from npm as
// each package.json declares them, parsed and bundled by HubSpot's own parser and extension build.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUploadedSource, type UploadedSourceBuild } from '../testing/build-uploaded-source.ts';
import type { HubSpotBuildReport } from '../testing/hubspot-build-report.ts';

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');

let build: UploadedSourceBuild | undefined;
const report = (): HubSpotBuildReport => {
  if (!build) throw new Error('the build did not run');
  return build.report;
};

beforeAll(async () => {
  build = await buildUploadedSource(projectDir, 'local');
}, 300_000);

afterAll(() => build?.cleanUp());

describe('the uploaded source folder, built with HubSpot tooling', () => {
  it('installs every component from npm in one workspace, needing nothing outside the source folder', () => {
    expect(report().dependenciesOutsideSource).toEqual([]);
    expect(report().installs).toEqual([
      { dir: 'app', members: ['app/cards', 'app/settings', 'app/shared'], error: null },
    ]);
  });

  it('is on the latest platform version HubSpot supports', () => {
    expect(report()).toMatchObject({
      knownPlatformVersion: true,
      platformVersion: report().latestPlatformVersion,
    });
  });

  it("HubSpot's parser reads the app and its three features, each tied to the app", () => {
    expect(report().parseError).toBeNull();
    expect(report().skippedHsMetaFiles).toEqual([]);
    expect(report().unresolvedVariables).toEqual([]);
    const components = [...report().components].sort((a, b) => a.uid.localeCompare(b.uid));
    expect(components).toEqual([
      {
        uid: 'integrations_sync_card',
        componentType: 'CARD',
        metaFilePath: expect.any(String),
        app: 'ledgersync_app',
      },
      { uid: 'ledgersync_app', componentType: 'APPLICATION', metaFilePath: 'app/app-hsmeta.json', app: null },
      {
        uid: 'ledgersync_settings',
        componentType: 'SETTINGS',
        metaFilePath: expect.any(String),
        app: 'ledgersync_app',
      },
      {
        uid: 'ledgersync_webhooks',
        componentType: 'WEBHOOKS',
        metaFilePath: expect.any(String),
        app: 'ledgersync_app',
      },
    ]);
  });

  it("HubSpot's extension build bundles the card and the settings page: no error, warning or import from outside their folder", () => {
    const outcomes = report().builds.map(({ uid, bundle, parentImports, messages, error }) => ({
      uid,
      file: bundle?.file ?? null,
      parentImports,
      messages,
      error,
    }));
    expect(outcomes.sort((a, b) => a.uid.localeCompare(b.uid))).toEqual([
      {
        uid: 'integrations_sync_card',
        file: 'IntegrationsSyncCard.js',
        parentImports: [],
        messages: [],
        error: null,
      },
      { uid: 'ledgersync_settings', file: 'SettingsPage.js', parentImports: [], messages: [], error: null },
    ]);
    for (const { bundle } of report().builds) expect(bundle?.bytes).toBeGreaterThan(0);
  });

  it('both bundles carry the shared UI code (the backend client)', () => {
    for (const { uid, projectModules } of report().builds) {
      expect({ uid, projectModules }).toEqual({
        uid,
        projectModules: expect.arrayContaining(['app/shared/api/backend-client.ts']),
      });
    }
  });
});
