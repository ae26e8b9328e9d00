// Mirrors the engine's rule (validate-custom-mapping.ts): a mapping joins two fields holding the
// same kind of value. Checked here too so the admin sees the problem before saving (R-MAP-5).
const KIND: Readonly<Record<string, string>> = {
  string: 'text',
  enumeration: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'boolean',
  bool: 'boolean',
};

export const kindOf = (type: string): string => KIND[type] ?? type;

export function typeMismatch(
  hubspot: { label: string; type: string },
  quickbooks: { label: string; type: string },
): string | null {
  if (kindOf(hubspot.type) === kindOf(quickbooks.type)) return null;
  return `“${hubspot.label}” is a ${hubspot.type} and “${quickbooks.label}” is a ${quickbooks.type}. Pick two fields of the same type.`;
}
