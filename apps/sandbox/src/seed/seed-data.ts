import { DEMO_COMPANIES, DEMO_CONTACTS, DEMO_PRODUCTS } from './demo-catalog.ts';
import { type HubSpotObject, hubspotAsUser } from './emulator-calls.ts';

export interface HubSpotDemoData {
  contacts: HubSpotObject[];
  products: HubSpotObject[];
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Products, companies and contacts created in the portal by a sales user, in batches as an import would. */
export async function seedHubSpotCatalog(hubspotUrl: string, hubId: number): Promise<HubSpotDemoData> {
  const hs = hubspotAsUser(hubspotUrl, hubId);
  const create = async (type: string, inputs: Record<string, string>[]) => {
    const out: HubSpotObject[] = [];
    for (const batch of chunks(inputs, 100)) {
      const r = await hs.api<{ results: HubSpotObject[] }>(`/crm/v3/objects/${type}/batch/create`, {
        inputs: batch.map((properties) => ({ properties })),
      });
      out.push(...r.results);
    }
    return out;
  };
  const products = await create(
    'products',
    DEMO_PRODUCTS.map((p) => ({ name: p.name, price: p.price, ...(p.sku ? { hs_sku: p.sku } : {}) })),
  );
  await create(
    'companies',
    DEMO_COMPANIES.map((name) => ({ name, domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example` })),
  );
  const contacts = await create(
    'contacts',
    DEMO_CONTACTS.map((c) => ({
      firstname: c.firstname,
      lastname: c.lastname,
      email: c.email,
      ...(c.company ? { company: c.company } : {}),
    })),
  );
  // Batch results may come back in any order; keep the catalogue's order so the story is stable.
  const byEmail = new Map(contacts.map((c) => [c.properties.email, c]));
  const ordered = DEMO_CONTACTS.flatMap((c) => byEmail.get(c.email) ?? []);
  const bySku = new Map(products.map((p) => [p.properties.name, p]));
  return { contacts: ordered, products: DEMO_PRODUCTS.flatMap((p) => bySku.get(p.name) ?? []) };
}
