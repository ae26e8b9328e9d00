import { z } from 'zod';
import type { SignedUiFetch, UiCall } from '../orchestrate/signed-ui-fetch.ts';

const accountsSchema = z.object({ accounts: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * What an admin does on the settings page, in the set-up order it asks for (R-CON-4): products and
 * contacts first, the Custom Line Item income account, then invoices (payments follow, R-OBJ-4).
 */
export async function turnOnSync(serverUrl: string, hubId: number, uiFetch: SignedUiFetch): Promise<void> {
  const call = async (method: UiCall['method'], path: string, body?: Record<string, unknown>) => {
    const response = await uiFetch({
      portalId: hubId,
      userId: 1,
      method,
      url: `${serverUrl}/api/v1${path}`,
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };
  await call('PUT', '/settings/objects/product', { enabled: true, direction: 'two_way' });
  await call('PUT', '/settings/objects/customer', { enabled: true, direction: 'two_way' });
  const { accounts } = accountsSchema.parse(await call('GET', '/settings/income-accounts'));
  const account = accounts.find((a) => /sales/i.test(a.name)) ?? accounts[0];
  if (account) await call('PUT', '/settings/custom-line-item-account', { accountId: account.id });
  await call('PUT', '/settings/objects/invoice', { enabled: true, direction: 'two_way' });
}
