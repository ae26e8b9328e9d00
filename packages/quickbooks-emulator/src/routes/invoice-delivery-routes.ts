import type { FastifyInstance } from 'fastify';
import { QboFault } from '../core/fault.ts';
import { faults } from '../core/fault-catalogue.ts';
import { isObject } from '../core/json.ts';
import { qboDateTime } from '../core/qbo-time.ts';
import type { Emulator } from '../emulator.ts';
import { record, touch } from '../entities/context.ts';
import { readEntity, view } from '../entities/operations.ts';
import { entityDef } from '../entities/registry.ts';
import { type ApiResult, handleApi } from '../http/api-handler.ts';
import { sendFault, withTid } from '../http/respond.ts';
import type { Realm } from '../store/realm.ts';
import { unsupportedPath } from './entity-routes.ts';
import { renderPdf } from './pdf.ts';

interface Params {
  realmId: string;
  entity: string;
  id: string;
}

/** Invoice PDF (`GET /invoice/{id}/pdf`) and email (`POST /invoice/{id}/send?sendTo=`). */
export function invoiceDeliveryRoutes(app: FastifyInstance, emu: Emulator): void {
  app.get<{ Params: Params }>('/v3/company/:realmId/:entity/:id/pdf', (request, reply) => {
    try {
      if (request.params.entity.toLowerCase() !== 'invoice') unsupportedPath(request.url.split('?')[0] ?? '');
      const realm = emu.realm(request.params.realmId) as Realm;
      const inv = emu.run(realm, new Set(), (ctx) =>
        readEntity(ctx, entityDef('Invoice'), request.params.id),
      );
      const customer = isObject(inv.CustomerRef) ? String(inv.CustomerRef.name ?? '') : '';
      const pdf = renderPdf([
        `Invoice ${String(inv.DocNumber ?? inv.Id)}`,
        `Date ${String(inv.TxnDate)}  Due ${String(inv.DueDate ?? '')}`,
        `Bill to ${customer}`,
        `Total ${String(inv.TotalAmt)}  Balance due ${String(inv.Balance)}`,
      ]);
      return withTid(reply).code(200).type('application/pdf').send(pdf);
    } catch (e) {
      if (e instanceof QboFault) return sendFault(reply, e, emu.now());
      throw e;
    }
  });

  app.post<{ Params: Params }>('/v3/company/:realmId/:entity/:id/send', (request, reply) =>
    handleApi(emu, request, reply, (realm, query): ApiResult => {
      if (request.params.entity.toLowerCase() !== 'invoice') unsupportedPath(request.url.split('?')[0] ?? '');
      const def = entityDef('Invoice');
      const sent = emu.run(realm, new Set(), (ctx) => {
        readEntity(ctx, def, request.params.id);
        const rec = realm.table('Invoice').get(request.params.id);
        if (!rec) throw faults.objectNotFound();
        const to = query.sendTo ?? (isObject(rec.data.BillEmail) ? rec.data.BillEmail.Address : undefined);
        if (typeof to !== 'string' || !to.includes('@')) {
          throw faults.business('Enter an email address for this customer before you send the invoice.');
        }
        rec.data.BillEmail = { Address: to };
        rec.data.EmailStatus = 'EmailSent';
        rec.data.DeliveryInfo = { DeliveryType: 'Email', DeliveryTime: qboDateTime(ctx.now) };
        touch(ctx, rec.data);
        record(ctx, 'Invoice', request.params.id, 'Emailed');
        return view(ctx, def, rec.data);
      });
      return { status: 200, body: { Invoice: sent } };
    }),
  );
}
