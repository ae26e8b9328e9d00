import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator } from '../testing/emulator-harness.ts';
import { makeCustomer } from '../testing/qbo-fixtures.ts';
import { parseIntuitWebhook } from './parse-intuit-webhook.ts';
import { verifyIntuitSignature } from './verify-intuit-signature.ts';

interface Delivery {
  raw: Buffer;
  signature: string | undefined;
}

let server: Server;
let url: string;
const deliveries: Delivery[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const header = req.headers['intuit-signature'];
      deliveries.push({ raw: Buffer.concat(chunks), signature: Array.isArray(header) ? header[0] : header });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/qbo`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

describe.each(['classic', 'cloudevents'] as const)('signed %s webhooks from the emulator', (format) => {
  it('verifies the raw bytes and yields a change notice for the new customer', async () => {
    deliveries.length = 0;
    const emu = await startEmulator({
      webhooks: { url, verifierToken: 'vt-123', format, aggregationWindowMs: 0 },
    });
    try {
      const qbo = await emu.newClient();
      const customer = await makeCustomer(qbo);
      await emu.control('/_emulator/webhooks/flush', {});
      expect(deliveries.length).toBeGreaterThan(0);
      const notices = deliveries.flatMap((d) => {
        expect(verifyIntuitSignature(d.raw, d.signature, 'vt-123')).toBe(true);
        expect(verifyIntuitSignature(d.raw, d.signature, 'wrong-token')).toBe(false);
        const parsed = parseIntuitWebhook(JSON.parse(d.raw.toString('utf8')), new Date().toISOString());
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(parsed.format).toBe(format);
        return parsed.notices;
      });
      expect(notices).toContainEqual(
        expect.objectContaining({
          realmId: qbo.realmId,
          object: 'customer',
          recordId: customer.Id,
          kind: 'change',
        }),
      );
    } finally {
      await emu.close();
    }
  });
});
