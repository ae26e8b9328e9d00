import { parseCli } from './cli-options.ts';
import { createHubSpotEmulator } from './create-hubspot-emulator.ts';

const cli = parseCli(process.argv.slice(2));
const app = createHubSpotEmulator({
  logger: false,
  ...(cli['no-rate-limits'] ? { rateLimits: false } : {}),
  app: {
    ...(cli['client-id'] ? { clientId: cli['client-id'] } : {}),
    ...(cli['client-secret'] ? { clientSecret: cli['client-secret'] } : {}),
    ...(cli['redirect-uri'] ? { redirectUris: cli['redirect-uri'] } : {}),
    webhooks: { ...(cli['webhook-url'] ? { targetUrl: cli['webhook-url'] } : {}), subscriptions: [] },
  },
});
const url = await app.listen({ host: cli.host, port: cli.port });
const { clientId, clientSecret, appId } = app.emulator.state.app;
process.stdout.write(
  [
    `HubSpot emulator listening on ${url}`,
    `  client id:     ${clientId}`,
    `  client secret: ${clientSecret}`,
    `  app id:        ${appId}`,
    `  quick start:   POST ${url}/_emulator/portals  then  POST ${url}/_emulator/tokens {"portalId": ...}`,
    '',
  ].join('\n'),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
