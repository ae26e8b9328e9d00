import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createQuickBooksEmulator } from './create-emulator.ts';
import { DEFAULT_VERIFIER_TOKEN } from './options.ts';

// The command: `ledgersync-qbo-emulator --port 4002 [--host 127.0.0.1] [--webhook-url …]`.
const env = z
  .object({
    QBO_EMULATOR_CLIENT_ID: z.string().optional(),
    QBO_EMULATOR_CLIENT_SECRET: z.string().optional(),
    QBO_EMULATOR_VERIFIER_TOKEN: z.string().optional(),
  })
  .parse(process.env);

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4002' },
    host: { type: 'string', default: '127.0.0.1' },
    'webhook-url': { type: 'string' },
    'webhook-format': { type: 'string', default: 'classic' },
    'no-rate-limits': { type: 'boolean', default: false },
    'auto-approve': { type: 'boolean', default: false },
  },
});

const verifierToken = env.QBO_EMULATOR_VERIFIER_TOKEN ?? DEFAULT_VERIFIER_TOKEN;
const app = createQuickBooksEmulator({
  ...(env.QBO_EMULATOR_CLIENT_ID ? { clientId: env.QBO_EMULATOR_CLIENT_ID } : {}),
  ...(env.QBO_EMULATOR_CLIENT_SECRET ? { clientSecret: env.QBO_EMULATOR_CLIENT_SECRET } : {}),
  ...(values['webhook-url']
    ? {
        webhooks: {
          url: values['webhook-url'],
          verifierToken,
          format:
            values['webhook-format'] === 'cloudevents' ? ('cloudevents' as const) : ('classic' as const),
        },
      }
    : {}),
  ...(values['no-rate-limits'] ? { rateLimits: false as const } : {}),
  autoApproveConsent: values['auto-approve'],
});

const url = await app.listen({ port: Number(values.port), host: values.host });
process.stdout.write(
  `QuickBooks Online emulator listening on ${url}\n` +
    `  client id:      ${app.control.clientId}\n` +
    `  client secret:  ${app.control.clientSecret}\n` +
    `  verifier token: ${verifierToken}\n` +
    `  authorize: ${url}/connect/oauth2   token: ${url}/oauth2/v1/tokens/bearer   API: ${url}/v3/company/{realmId}/\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void app.close().then(() => process.exit(0)));
