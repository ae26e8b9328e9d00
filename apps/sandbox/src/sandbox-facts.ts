import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SandboxPlan } from './orchestrate/sandbox-plan.ts';

/** What tools (and the browser tests) need to drive a running sandbox; written to .data/sandbox.json. */
export interface SandboxFacts {
  urls: {
    preview: string;
    server: string;
    hubspotEmulator: string;
    quickbooksEmulator: string;
    apiDocs: string;
  };
  hubspotPortalId: number | null;
  quickbooksRealmId: string | null;
  hubspotApp: { appId: number; clientId: string; clientSecret: string };
  quickbooksApp: { clientId: string; clientSecret: string; webhookVerifierToken: string };
  tryThis: string[];
}

export function factsOf(
  plan: SandboxPlan,
  hubId: number | null,
  realmId: string | null,
  tryThis: string[],
): SandboxFacts {
  return {
    urls: {
      preview: plan.urls.preview,
      server: plan.urls.server,
      hubspotEmulator: plan.urls.hubspot,
      quickbooksEmulator: plan.urls.quickbooks,
      apiDocs: plan.urls.apiDocs,
    },
    hubspotPortalId: hubId,
    quickbooksRealmId: realmId,
    hubspotApp: plan.hubspotApp,
    quickbooksApp: {
      clientId: plan.quickbooksApp.clientId,
      clientSecret: plan.quickbooksApp.clientSecret,
      webhookVerifierToken: plan.quickbooksApp.verifierToken,
    },
    tryThis,
  };
}

export async function writeFacts(path: string, facts: SandboxFacts): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(facts, null, 2)}\n`, { mode: 0o600 });
}

export function readyBlock(facts: SandboxFacts): string {
  const lines = [
    '',
    'LedgerSync sandbox is ready.',
    `  Preview (HubSpot UI):  ${facts.urls.preview}`,
    `  HubSpot emulator:      ${facts.urls.hubspotEmulator}`,
    `  QuickBooks emulator:   ${facts.urls.quickbooksEmulator}`,
    `  API docs:              ${facts.urls.apiDocs}`,
  ];
  if (facts.tryThis.length > 0) {
    lines.push('Try this:');
    for (const [i, t] of facts.tryThis.entries()) lines.push(`  ${i + 1}. ${t}`);
  }
  lines.push('Ctrl-C stops it (running syncs finish first).', '');
  return lines.join('\n');
}
