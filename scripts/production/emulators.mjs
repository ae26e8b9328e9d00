// Both emulators as separate processes from the repository (their own commands), their signed
// webhooks aimed at the server under test, HubSpot's subscriptions those of the app's project.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { callJson } from './admin-flows.mjs';
import { startProcess } from './processes.mjs';

const SUPPORTED = ['object.creation', 'object.deletion', 'object.propertyChange', 'object.associationChange'];

async function appSubscriptions(root) {
  const file = join(root, 'hubspot-app/src/app/webhooks/webhooks-hsmeta.json');
  const meta = JSON.parse(await readFile(file, 'utf8'));
  return meta.config.subscriptions.crmObjects
    .filter((s) => SUPPORTED.includes(s.subscriptionType))
    .map((s) => ({ subscriptionType: s.subscriptionType, objectType: `${s.objectType}s`, active: s.active }));
}

/**
 * @param o.root the repository
 * @param o.serverUrl the server's public URL (OAuth redirects and webhooks go there)
 * @param o.apps the HubSpot and Intuit app credentials the server is configured with
 */
export async function startEmulators({ root, serverUrl, apps, logDir, rateLimits }) {
  const limits = rateLimits ? [] : ['--no-rate-limits'];
  const hubspot = startProcess(
    'HubSpot emulator',
    process.execPath,
    [
      'packages/hubspot-emulator/bin/ledgersync-hubspot-emulator.js',
      '--port=0',
      `--client-id=${apps.hubspot.clientId}`,
      `--client-secret=${apps.hubspot.clientSecret}`,
      `--redirect-uri=${serverUrl}/oauth/hubspot/callback`,
      `--webhook-url=${serverUrl}/webhooks/hubspot`,
      ...limits,
    ],
    { cwd: root, env: {}, logFile: join(logDir, 'hubspot-emulator.log') },
  );
  const quickbooks = startProcess(
    'QuickBooks emulator',
    process.execPath,
    [
      'packages/quickbooks-emulator/bin/ledgersync-qbo-emulator.js',
      '--port=0',
      `--webhook-url=${serverUrl}/webhooks/quickbooks`,
      '--auto-approve',
      ...limits,
    ],
    {
      cwd: root,
      env: {
        QBO_EMULATOR_CLIENT_ID: apps.quickbooks.clientId,
        QBO_EMULATOR_CLIENT_SECRET: apps.quickbooks.clientSecret,
        QBO_EMULATOR_VERIFIER_TOKEN: apps.quickbooks.verifierToken,
      },
      logFile: join(logDir, 'quickbooks-emulator.log'),
    },
  );
  const listening = /listening on (http:\/\/\S+)/;
  const [hubspotUrl, quickbooksUrl] = await Promise.all(
    [hubspot, quickbooks].map(async (emulator) => (await emulator.waitForOutput(listening, 60_000)).match[1]),
  );
  await callJson(`${hubspotUrl}/_emulator/webhooks/settings`, {
    method: 'PUT',
    body: { subscriptions: await appSubscriptions(root) },
  });
  const { appId } = await callJson(`${hubspotUrl}/_emulator/app`);
  return {
    hubspotUrl,
    quickbooksUrl,
    hubspotAppId: String(appId),
    processes: [hubspot, quickbooks],
  };
}
