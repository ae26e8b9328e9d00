import type { WriteSource } from './crm-event.ts';
import { objectTypeById } from './object-types.ts';

/** Properties HubSpot maintains itself on every write: ids, timestamps and who wrote it. */
export function systemProperties(
  typeId: string,
  id: string,
  now: number,
  source: WriteSource,
  created: boolean,
): Record<string, string> {
  const type = objectTypeById(typeId);
  const iso = new Date(now).toISOString();
  const out: Record<string, string> = {};
  for (const p of type.modifiedProperties) out[p] = iso;
  if (source.kind === 'ui') out.hs_updated_by_user_id = String(source.userId);
  if (!created) return out;
  out.hs_object_id = id;
  out[type.createdProperty] = iso;
  out.hs_createdate = iso;
  out.hs_object_source = source.kind === 'ui' ? 'CRM_UI' : 'INTEGRATION';
  if (source.kind === 'app') out.hs_object_source_id = String(source.appId);
  if (source.kind === 'ui') out.hs_created_by_user_id = String(source.userId);
  return out;
}
