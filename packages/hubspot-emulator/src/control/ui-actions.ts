import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defaultAssociation, requireObject } from '../crm/find-object.ts';
import type { RouteEnv } from '../http/api-route.ts';
import { parseBody } from '../http/parse-body.ts';
import { serializeObject } from '../http/serialize-object.ts';
import { PropertyValues } from '../routes/object-schemas.ts';

const Actor = { userId: z.number().int().default(1) };
const NewInvoice = z.object({
  ...Actor,
  properties: PropertyValues.default({}),
  contactId: z.string().optional(),
  lineItems: z.array(PropertyValues).default([]),
  /**
   * The Invoice source another system leaves (a data sync, say) instead of HubSpot's own; a value
   * the property's definition lacks joins its options, as HubSpot lists the sources it has.
   */
  source: z.object({ value: z.string(), label: z.string() }).optional(),
});
const Edit = z.object({ ...Actor, properties: PropertyValues });
const Payment = z.object({
  ...Actor,
  amount: z.string(),
  date: z.string().optional(),
  properties: PropertyValues.default({}),
});
const ActorOnly = z.object(Actor);

type P = { portalId: string; invoiceId: string };
const INVOICE = '0-53';

/** "A sales user does it in HubSpot": invoice actions recorded with source UI, as HubSpot's own app would. */
export function uiActionRoutes(app: FastifyInstance, env: RouteEnv): void {
  const { state } = env;
  const base = '/_emulator/portals/:portalId/ui/invoices';
  const portalOf = (p: unknown) => state.portal(Number((p as P).portalId));
  const show = (portalId: unknown, id: string) => {
    const portal = portalOf(portalId);
    const obj = requireObject(portal, INVOICE, id);
    return serializeObject(portal, obj, {
      properties: Object.keys(obj.properties),
      associations: ['contacts', 'line_items', 'commerce_payments'],
    });
  };

  app.post(base, async (req, reply) => {
    const portal = portalOf(req.params);
    const body = parseBody(NewInvoice, req.body ?? {});
    const source = { kind: 'ui' as const, userId: body.userId };
    const invoice = state.crm.create(
      portal,
      INVOICE,
      { hs_currency: portal.settings.currency, ...body.properties },
      source,
    );
    if (body.contactId)
      state.crm.associate(
        portal,
        defaultAssociation(portal, INVOICE, '0-1'),
        invoice.id,
        body.contactId,
        source,
      );
    if (body.source) {
      invoice.properties.hs_invoice_source = body.source.value;
      const definition = portal.propertyDefs(INVOICE).get('hs_invoice_source');
      if (definition && !definition.options.some((o) => o.value === body.source?.value)) {
        definition.options.push({ ...body.source, hidden: false, displayOrder: definition.options.length });
      }
    }
    for (const props of body.lineItems) {
      const li = state.crm.create(portal, '0-8', props, source);
      state.crm.associate(portal, defaultAssociation(portal, INVOICE, '0-8'), invoice.id, li.id, source);
    }
    return reply.code(201).send(show(req.params, invoice.id));
  });

  app.patch(`${base}/:invoiceId`, async (req) => {
    const portal = portalOf(req.params);
    const body = parseBody(Edit, req.body);
    const invoice = requireObject(portal, INVOICE, (req.params as P).invoiceId);
    state.crm.update(portal, invoice, body.properties, { kind: 'ui', userId: body.userId });
    return show(req.params, invoice.id);
  });

  for (const [action, status] of [
    ['finalize', 'open'],
    ['void', 'voided'],
  ] as const) {
    app.post(`${base}/:invoiceId/${action}`, async (req) => {
      const portal = portalOf(req.params);
      const body = parseBody(ActorOnly, req.body ?? {});
      const invoice = requireObject(portal, INVOICE, (req.params as P).invoiceId);
      state.crm.update(portal, invoice, { hs_invoice_status: status }, { kind: 'ui', userId: body.userId });
      return show(req.params, invoice.id);
    });
  }

  app.post(`${base}/:invoiceId/payments`, async (req, reply) => {
    const portal = portalOf(req.params);
    const body = parseBody(Payment, req.body);
    const invoice = requireObject(portal, INVOICE, (req.params as P).invoiceId);
    const source = { kind: 'ui' as const, userId: body.userId };
    const payment = state.crm.create(
      portal,
      '0-101',
      {
        hs_initial_amount: body.amount,
        hs_initiated_date: body.date ?? new Date(state.clock.now()).toISOString(),
        ...body.properties,
      },
      source,
    );
    state.crm.associate(portal, defaultAssociation(portal, '0-101', INVOICE), payment.id, invoice.id, source);
    return reply
      .code(201)
      .send({ payment: serializeObject(portal, payment), invoice: show(req.params, invoice.id) });
  });
}
