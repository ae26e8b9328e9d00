// Intuit's gateway echoes the start of a refused token ("Token expired: eyJlbmMi…"). Error
// messages are stored and shown, so anything token-like is cut out before it leaves here.
const PATTERNS: readonly RegExp[] = [
  /((?:token expired|malformed bearer token)[^:]*:\s*)\S+/gi,
  /(bearer\s+)\S+/gi,
  /()eyJ[\w-]{6,}(?:\.[\w-]*){0,4}/g,
];

export function redactSecrets(text: string): string {
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, '$1[redacted]'), text);
}
