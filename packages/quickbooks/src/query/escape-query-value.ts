// QBO's query language quotes strings with ' and escapes with a backslash. Every value we put in
// a query goes through here, so an apostrophe or backslash in a name or email can neither end
// the string early nor change the query's meaning.

/** A string literal for a QBO query: `O'Brien` → `'O\'Brien'`. */
export function quoteQueryString(value: string): string {
  return `'${value.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
}

/**
 * A string literal for LIKE whose own text matches literally; `%` is escaped so only the
 * wildcards the caller adds around it are wildcards.
 */
export function quoteLikeFragment(value: string, prefix: '' | '%', suffix: '' | '%'): string {
  const escaped = value.replace(/[\\'%]/g, (ch) => `\\${ch}`);
  return `'${prefix}${escaped}${suffix}'`;
}

const PROPERTY_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** Property names are ours, never user input; a bad one is a bug. */
export function checkPropertyName(name: string): string {
  if (!PROPERTY_PATTERN.test(name)) throw new Error(`Not a QBO property name: ${JSON.stringify(name)}`);
  return name;
}
