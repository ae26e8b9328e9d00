// Source text with its comments blanked out, for the checks that read imports and exports with
// regular expressions: a commented-out import is no import.

/** Replaces comments with spaces (newlines kept, so line numbers hold); strings are left intact. */
export function blankComments(source) {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      // A quote or backtick inside a regular expression literal ends at the line's end, so a
      // misread never spans more than one line.
      let j = i + 1;
      while (j < source.length && source[j] !== c && (c === '`' || source[j] !== '\n'))
        j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
