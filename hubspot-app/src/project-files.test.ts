import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  appSchema,
  cardSchema,
  hsprojectSchema,
  profileSchema,
  settingsSchema,
  webhooksSchema,
} from '../testing/project-schema.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

function hsmetaFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('-hsmeta.json'))
    .map((f) => `${dir}/${f}`);
}

function check<T>(schema: z.ZodType<T>, path: string): T {
  const result = schema.safeParse(read(path));
  if (!result.success) throw new Error(`${path}: ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

const variablesUsed = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1] ?? '');

describe('HubSpot project files (platform 2026.03)', () => {
  it('hsproject.json names the src directory and platform version', () => {
    const project = check(hsprojectSchema, 'hsproject.json');
    expect(existsSync(join(root, project.srcDir, 'app'))).toBe(true);
  });

  it('app-hsmeta.json is a marketplace OAuth app with the sync scopes and the backend as fetch URL', () => {
    const app = check(appSchema, 'src/app/app-hsmeta.json');
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth.type).toBe('oauth');
    for (const object of ['invoices', 'line_items', 'products', 'contacts', 'commercepayments']) {
      expect(app.config.auth.requiredScopes).toContain(`crm.objects.${object}.read`);
      expect(app.config.auth.requiredScopes).toContain(`crm.objects.${object}.write`);
    }
    // The backend URL is a profile variable, never a hard-coded host.
    expect(app.config.permittedUrls?.fetch).toEqual([`\${LEDGERSYNC_API_URL}`]);
  });

  it('asks for exactly the scopes the HubSpot adapter lists (packages/hubspot/src/oauth/scopes.ts)', () => {
    // Read as text: the adapter is server code and must stay out of this package's graph.
    const source = readFileSync(join(root, '../packages/hubspot/src/oauth/scopes.ts'), 'utf8');
    const block = source.slice(source.indexOf('REQUIRED_SCOPES'), source.indexOf('};'));
    const adapterScopes = [...block.matchAll(/^\s+'?([a-z_.]+)'?:/gm)].map((m) => m[1]);
    expect(adapterScopes.length).toBeGreaterThan(10);
    const app = check(appSchema, 'src/app/app-hsmeta.json');
    expect([...app.config.auth.requiredScopes].sort()).toEqual([...adapterScopes].sort());
  });

  it('the card sits on the invoice record tab, titled "Integrations sync", with an existing entry point', () => {
    const [file, ...more] = hsmetaFiles('src/app/cards');
    expect(more).toHaveLength(0);
    const card = check(cardSchema, file ?? '');
    expect(card.config).toMatchObject({ name: 'Integrations sync', location: 'crm.record.tab' });
    expect(card.config.objectTypes).toEqual(['invoices']);
    expect(existsSync(join(srcDir, card.config.entrypoint))).toBe(true);
  });

  it('the settings page has an existing entry point', () => {
    const settings = check(settingsSchema, 'src/app/settings/settings-hsmeta.json');
    expect(existsSync(join(srcDir, settings.config.entrypoint))).toBe(true);
  });

  it('webhooks cover creation, change and deletion of every synced object, merges of contacts and products', () => {
    const hooks = check(webhooksSchema, 'src/app/webhooks/webhooks-hsmeta.json');
    const subs = (hooks.config.subscriptions.crmObjects ?? []).map(
      (s) => `${s.objectType}:${s.subscriptionType}`,
    );
    for (const object of ['invoice', 'line_item', 'product', 'contact', 'commerce_payment']) {
      expect(subs).toContain(`${object}:object.creation`);
      expect(subs).toContain(`${object}:object.propertyChange`);
    }
    expect(subs).toEqual(
      expect.arrayContaining(['invoice:object.deletion', 'contact:object.merge', 'product:object.merge']),
    );
    expect(new Set(subs).size).toBe(subs.length);
  });

  it('uids are unique and every variable used is defined by the profile', () => {
    const files = [
      'src/app/app-hsmeta.json',
      ...hsmetaFiles('src/app/cards'),
      ...hsmetaFiles('src/app/settings'),
      ...hsmetaFiles('src/app/webhooks'),
    ];
    const uids = files.map((f) => (read(f) as { uid: string }).uid);
    expect(new Set(uids).size).toBe(uids.length);
    // The CLI loads profiles from the project's srcDir (hubspot-cli's projectProfiles module:
    // loadHsProfileFile(path.join(projectDir, srcDir), name)), not from beside hsproject.json.
    expect(existsSync(join(root, 'hsprofile.local.json'))).toBe(false);
    const profile = check(profileSchema, 'src/hsprofile.local.json');
    for (const name of files.flatMap((f) => variablesUsed(read(f)))) {
      expect(Object.keys(profile.variables)).toContain(name);
    }
  });

  it('rejects a field the platform does not document (the check can fail)', () => {
    const card = read('src/app/cards/integrations-sync-card-hsmeta.json') as { config: object };
    const withTypo = { ...card, config: { ...card.config, objectType: ['invoices'] } };
    expect(cardSchema.safeParse(withTypo).success).toBe(false);
  });
});
