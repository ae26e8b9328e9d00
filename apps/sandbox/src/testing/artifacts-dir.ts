import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** `<repo>/test-artifacts` (gitignored): screenshots the browser tests leave for people to look at. */
export async function artifactsDir(): Promise<string> {
  const dir = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));
  await mkdir(dir, { recursive: true });
  return dir;
}
