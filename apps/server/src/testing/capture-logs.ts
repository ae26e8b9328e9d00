import { Writable } from 'node:stream';

/** A pino destination that keeps every line in memory, so a test can search what was logged. */
export function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

/** Each secret found in `haystack`, named by `label` (never the secret itself, in case CI logs it). */
export function leaks(haystack: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 6 && haystack.includes(value))
    .map(([label]) => label);
}
