import type { ObjectType } from '../crm/object-types.ts';

export type Access = 'read' | 'write';

/** Any one of the returned scopes grants the call. */
export function objectScopes(type: ObjectType, access: Access): string[] {
  const own = [`crm.objects.${type.scopeName}.${access}`];
  // Reads also pass with the write scope (lenient; see README).
  if (access === 'read') own.push(`crm.objects.${type.scopeName}.write`);
  if (type.legacyScope) own.push(type.legacyScope);
  return own;
}

export function schemaScopes(type: ObjectType, access: Access): string[] {
  const own = [`crm.schemas.${type.scopeName}.${access}`];
  if (access === 'read') own.push(`crm.schemas.${type.scopeName}.write`, ...objectScopes(type, 'read'));
  if (type.legacyScope) own.push(type.legacyScope);
  return own;
}
