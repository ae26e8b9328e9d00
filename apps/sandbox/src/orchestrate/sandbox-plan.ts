import { randomBytes } from 'node:crypto';

/** Every address and credential of one sandbox run, fixed before anything starts. */
export interface SandboxPlan {
  host: string;
  urls: { preview: string; server: string; hubspot: string; quickbooks: string; apiDocs: string };
  ports: { preview: number; server: number; hubspot: number; quickbooks: number };
  hubspotApp: { appId: number; clientId: string; clientSecret: string };
  quickbooksApp: { clientId: string; clientSecret: string; verifierToken: string };
  stateSigningSecret: string;
  tokenKey: Buffer;
}

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

export function planSandbox(host: string, ports: SandboxPlan['ports']): SandboxPlan {
  const at = (port: number) => `http://${host}:${port}`;
  const server = at(ports.server);
  return {
    host,
    ports,
    urls: {
      preview: at(ports.preview),
      server,
      hubspot: at(ports.hubspot),
      quickbooks: at(ports.quickbooks),
      apiDocs: `${server}/docs`,
    },
    // Fresh credentials each run: the emulators keep their apps in memory, so nothing outlives it.
    hubspotApp: { appId: 4_100_001, clientId: `ledgersync-sandbox-${secret(6)}`, clientSecret: secret() },
    quickbooksApp: { clientId: `ABsandbox${secret(12)}`, clientSecret: secret(), verifierToken: secret() },
    stateSigningSecret: secret(32),
    tokenKey: randomBytes(32),
  };
}
