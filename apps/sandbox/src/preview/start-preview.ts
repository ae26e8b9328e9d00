import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { z } from 'zod';
import type { SandboxPlan } from '../orchestrate/sandbox-plan.ts';
import type { SignedUiFetch } from '../orchestrate/signed-ui-fetch.ts';
import { buildPreviewAssets } from './build-preview-assets.ts';
import { HUBSPOT_ACTIONS, hubspotDesk } from './hubspot-desk.ts';
import { PAGE_SHELL, PREVIEW_CSS } from './page-shell.ts';
import {
  listHubSpotInvoices,
  quickbooksDesk,
  readHubSpotInvoice,
  readHubSpotRecord,
} from './preview-data.ts';

export interface PreviewOptions {
  plan: SandboxPlan;
  uiFetch: SignedUiFetch;
  hubId: number | null;
  realmId: string | null;
}

const hsFetchBody = z.object({
  url: z.string().url(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  body: z.record(z.string(), z.unknown()).optional(),
});
const idParams = z.object({ id: z.string().regex(/^\d+$/) });
const actionParams = idParams.extend({ action: z.enum(['pay', 'edit', 'void']) });
const hubspotActionParams = idParams.extend({ action: z.enum(HUBSPOT_ACTIONS) });

/** The local preview: HubSpot's part around the real extensions, plus a QuickBooks desk. */
export async function startPreview(options: PreviewOptions) {
  const { plan, uiFetch } = options;
  const assets = await buildPreviewAssets();
  const app = Fastify();
  const needPortal = () => {
    if (options.hubId === null || options.realmId === null) {
      throw Object.assign(new Error('The sandbox was started with --no-seed: no portal is installed.'), {
        statusCode: 409,
      });
    }
    return { hubId: options.hubId, realmId: options.realmId };
  };

  for (const path of ['/', '/settings', '/quickbooks', '/invoices/:id']) {
    app.get(path, async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE_SHELL));
  }
  // The overview's "open in HubSpot" links point here (the server's record URL is the preview's):
  // an invoice opens its record page with the card, another record a page of its properties.
  app.get('/record/:objectTypeId/:id', async (req, reply) => {
    const { objectTypeId, id } = req.params as { objectTypeId: string; id: string };
    if (objectTypeId === '0-53') return reply.redirect(`/invoices/${encodeURIComponent(id)}`);
    return reply.type('text/html; charset=utf-8').send(PAGE_SHELL);
  });
  app.get('/preview/api/records/:objectTypeId/:id', async (req, reply) => {
    const { objectTypeId, id } = req.params as { objectTypeId: string; id: string };
    const found = await readHubSpotRecord(plan.urls.hubspot, needPortal().hubId, objectTypeId, id);
    return found ?? reply.code(404).send({ message: 'No such record in this HubSpot portal.' });
  });
  // The card's "open in QuickBooks" links point here (the server's QBO app base is the preview).
  app.get('/quickbooks/*', async (_req, reply) => reply.redirect('/quickbooks'));
  app.get('/assets/preview.css', async (_req, reply) => reply.type('text/css').send(PREVIEW_CSS));
  app.get('/assets/:file', async (req, reply) => {
    const file = assets.files.get((req.params as { file: string }).file);
    if (!file) return reply.code(404).send('not found');
    return reply.type('text/javascript; charset=utf-8').send(file);
  });
  app.get('/preview/api/info', async () => ({
    hubId: options.hubId,
    realmId: options.realmId,
    backendUrl: plan.urls.server,
  }));

  // hubspot.fetch: only to the backend, signed with the app's secret as HubSpot's proxy signs.
  app.post('/preview/hs-fetch', async (req) => {
    const { hubId } = needPortal();
    const call = hsFetchBody.parse(req.body);
    if (!call.url.startsWith(`${plan.urls.server}/`)) {
      return {
        status: 403,
        body: '{"message":"hubspot.fetch only reaches the app backend"}',
        contentType: 'application/json',
      };
    }
    const response = await uiFetch({
      portalId: hubId,
      userId: 1,
      method: call.method,
      url: call.url,
      body: call.body,
    });
    return {
      status: response.status,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? 'application/json',
    };
  });

  app.get('/preview/api/invoices', async () => listHubSpotInvoices(plan.urls.hubspot, needPortal().hubId));
  app.get('/preview/api/invoices/:id/version', async (req) => {
    const { hubId } = needPortal();
    const { id } = idParams.parse(req.params);
    const invoice = await readHubSpotInvoice(plan.urls.hubspot, hubId, id);
    const card = await uiFetch({
      portalId: hubId,
      userId: 1,
      method: 'GET',
      url: `${plan.urls.server}/api/v1/invoices/${id}/card`,
    });
    const cardText = await card.text();
    // Times in the card ("last synced 3 s ago" inputs) are part of what it shows, so they count.
    const version = createHash('sha256')
      .update(JSON.stringify(invoice))
      .update(cardText)
      .digest('hex')
      .slice(0, 16);
    return { version, invoice };
  });
  app.post('/preview/api/invoices/:id/:action', async (req) => {
    const { hubId } = needPortal();
    const { id, action } = hubspotActionParams.parse(req.params);
    return { message: await hubspotDesk(plan.urls.hubspot, hubId)[action](id) };
  });
  app.get('/preview/api/qbo/invoices', async () => {
    const { realmId } = needPortal();
    return (await quickbooksDesk(plan.urls.quickbooks, realmId)).list();
  });
  // R-ERR-3's cause and fix: the company-wide preference a bookkeeper switches in QuickBooks.
  app.get('/preview/api/qbo/revenue-recognition', async () => {
    const { realmId } = needPortal();
    return { on: await (await quickbooksDesk(plan.urls.quickbooks, realmId)).revenueRecognition() };
  });
  app.put('/preview/api/qbo/revenue-recognition', async (req) => {
    const { realmId } = needPortal();
    const { on } = z.object({ on: z.boolean() }).parse(req.body);
    return { message: await (await quickbooksDesk(plan.urls.quickbooks, realmId)).setRevenueRecognition(on) };
  });
  app.post('/preview/api/qbo/invoices/:id/:action', async (req) => {
    const { realmId } = needPortal();
    const { id, action } = actionParams.parse(req.params);
    const desk = await quickbooksDesk(plan.urls.quickbooks, realmId);
    return { message: await desk[action](id) };
  });

  await app.listen({ host: plan.host, port: plan.ports.preview });
  return { close: () => app.close() };
}
