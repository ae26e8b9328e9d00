import type { z } from 'zod';
import type { NewAssociation } from '../crm/crm-service.ts';
import { associationById } from '../crm/find-object.ts';
import type { Portal } from '../crm/portal.ts';
import type { CreateAssociation } from './object-schemas.ts';

/** Turns a create body's `associations` into typed links (target type comes from the type id). */
export function toNewAssociations(
  portal: Portal,
  fromTypeId: string,
  input: Array<z.infer<typeof CreateAssociation>> | undefined,
): NewAssociation[] {
  return (input ?? []).flatMap((a) =>
    a.types.map((t) => ({ def: associationById(portal, fromTypeId, t.associationTypeId), toId: a.to.id })),
  );
}
