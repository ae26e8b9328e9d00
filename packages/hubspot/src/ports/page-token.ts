import { z } from 'zod';

/** Where a `readChangedSince` walk stands; opaque to the engine. */
const pageTokenSchema = z.object({ since: z.string(), afterId: z.string(), cursor: z.string() });
export type PageToken = z.infer<typeof pageTokenSchema>;

export function encodePageToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodePageToken(raw: string): PageToken | null {
  try {
    const parsed = pageTokenSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
