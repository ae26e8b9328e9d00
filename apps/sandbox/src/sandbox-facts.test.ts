import { describe, expect, it } from '@jest/globals';
import { planSandbox } from './orchestrate/sandbox-plan.ts';
import { parseFlags } from './sandbox-config.ts';
import { factsOf, readyBlock } from './sandbox-facts.ts';

const plan = planSandbox('127.0.0.1', { preview: 4000, server: 4010, hubspot: 4001, quickbooks: 4002 });

describe('sandbox facts', () => {
  it('name every URL, the portal, the realm and both apps’ credentials for tools', () => {
    const facts = factsOf(plan, 42, '9130', ['pay INV-1']);
    expect(facts.urls).toEqual({
      preview: 'http://127.0.0.1:4000',
      server: 'http://127.0.0.1:4010',
      hubspotEmulator: 'http://127.0.0.1:4001',
      quickbooksEmulator: 'http://127.0.0.1:4002',
      apiDocs: 'http://127.0.0.1:4010/docs',
    });
    expect(facts).toMatchObject({ hubspotPortalId: 42, quickbooksRealmId: '9130' });
    expect(facts.hubspotApp.clientSecret).toBe(plan.hubspotApp.clientSecret);
    expect(facts.quickbooksApp.webhookVerifierToken).toBe(plan.quickbooksApp.verifierToken);
  });

  it('print a short block with the four URLs and the numbered things to try', () => {
    const block = readyBlock(factsOf(plan, 42, '9130', ['pay INV-1', 'void INV-2', 'open settings']));
    expect(block).toContain('http://127.0.0.1:4000');
    expect(block).toContain('http://127.0.0.1:4010/docs');
    expect(block).toContain('3. open settings');
    expect(block.split('\n').length).toBeLessThan(16);
  });

  it('fresh credentials every run', () => {
    const other = planSandbox('127.0.0.1', plan.ports);
    expect(other.hubspotApp.clientSecret).not.toBe(plan.hubspotApp.clientSecret);
  });
});

describe('flags', () => {
  it('--reset and --no-seed', () => {
    expect(parseFlags([])).toEqual({ reset: false, seed: true });
    expect(parseFlags(['--reset', '--no-seed'])).toEqual({ reset: true, seed: false });
    expect(() => parseFlags(['--bogus'])).toThrow();
  });

  it('npm start -- --reset --no-seed, which npm hands on as config variables', () => {
    expect(parseFlags([], { npm_config_reset: 'true', npm_config_seed: 'false' })).toEqual({
      reset: true,
      seed: false,
    });
    expect(parseFlags([], { npm_config_seed: 'true' })).toEqual({ reset: false, seed: true });
  });
});
