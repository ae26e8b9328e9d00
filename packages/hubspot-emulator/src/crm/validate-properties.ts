import { HubSpotError, validation } from '../http/hubspot-error.ts';
import type { Portal } from './portal.ts';

interface Invalid {
  isValid: false;
  message: string;
  error: string;
  name: string;
  localizedErrorMessage: string;
}

const invalid = (name: string, error: string, message: string): Invalid => ({
  isValid: false,
  message,
  error,
  name,
  localizedErrorMessage: message,
});

function asString(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Checks an API write against the portal's property definitions and returns the values as strings.
 * `allowReadOnly` is for the emulator's own computed fields, never for callers.
 */
export function validateProperties(
  portal: Portal,
  typeId: string,
  input: Record<string, unknown>,
  allowReadOnly = false,
): Record<string, string> {
  const defs = portal.propertyDefs(typeId);
  const problems: Invalid[] = [];
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    const def = defs.get(name);
    const value = asString(raw);
    if (!def || def.archived) {
      problems.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
    } else if (def.modificationMetadata.readOnlyValue && !allowReadOnly) {
      problems.push(
        invalid(name, 'READ_ONLY_VALUE', `${name} is a read only property; its value cannot be set.`),
      );
    } else if (value === undefined) {
      problems.push(
        invalid(name, 'INVALID_VALUE', `${JSON.stringify(raw)} is not a valid value for ${name}`),
      );
    } else if (value !== '' && def.type === 'number' && !Number.isFinite(Number(value))) {
      problems.push(invalid(name, 'INVALID_DECIMAL', `${value} was not a valid number.`));
    } else if (value !== '' && def.type === 'enumeration' && !def.options.some((o) => o.value === value)) {
      const allowed = def.options.map((o) => o.value).join(', ');
      problems.push(
        invalid(name, 'INVALID_OPTION', `${value} was not one of the allowed options: [${allowed}]`),
      );
    } else {
      out[name] = value;
    }
  }
  if (problems.length > 0) {
    throw validation(
      `Property values were not valid: ${JSON.stringify(problems)}`,
      problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
    );
  }
  return out;
}

/** Enforces `hasUniqueValue` across the portal's live records of one type. */
export function checkUnique(
  portal: Portal,
  typeId: string,
  values: Record<string, string>,
  selfId?: string,
): void {
  const defs = portal.propertyDefs(typeId);
  for (const [name, value] of Object.entries(values)) {
    if (value === '' || !defs.get(name)?.hasUniqueValue || name === 'hs_object_id') continue;
    for (const other of portal.store(typeId).values()) {
      if (other.archived || other.id === selfId) continue;
      if (other.properties[name]?.toLowerCase() === value.toLowerCase()) {
        const message =
          typeId === '0-1' && name === 'email'
            ? `Contact already exists. Existing ID: ${other.id}`
            : `A record with ${name} = ${value} already exists. Existing ID: ${other.id}`;
        throw new HubSpotError({ status: 409, category: 'CONFLICT', message });
      }
    }
  }
}
