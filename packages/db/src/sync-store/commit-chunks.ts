import type { CommitBatch } from '@ledgersync/sync-engine';

/**
 * Splits a drain's results into chunks of at most `size` links, each holding everything of its
 * links (link, merge base, statuses, activity), so each chunk commits atomically in a short
 * transaction: a 300-record drain in one transaction outlived Prisma's interactive-transaction
 * timeout on a loaded machine. Entries with no link (a record failed or excluded before it had
 * one) go in the last chunk, after every link they could belong to is stored.
 */
export function commitChunks(batch: CommitBatch, size: number): CommitBatch[] {
  const chunkOf = new Map<string, number>();
  const indexOf = (linkId: string) => {
    let i = chunkOf.get(linkId);
    if (i === undefined) {
      i = Math.floor(chunkOf.size / size);
      chunkOf.set(linkId, i);
    }
    return i;
  };
  type Parts = {
    links: CommitBatch['links'][number][];
    mergeBases: CommitBatch['mergeBases'][number][];
    statuses: CommitBatch['statuses'][number][];
    activity: CommitBatch['activity'][number][];
  };
  const chunks: Parts[] = [];
  const at = (i: number): Parts => {
    while (chunks.length <= i) chunks.push({ links: [], mergeBases: [], statuses: [], activity: [] });
    return chunks[i] as Parts;
  };
  for (const l of batch.links) at(indexOf(l.id)).links.push(l);
  for (const b of batch.mergeBases) at(indexOf(b.linkId)).mergeBases.push(b);
  const unlinked: Parts = { links: [], mergeBases: [], statuses: [], activity: [] };
  for (const s of batch.statuses) (s.linkId === null ? unlinked : at(indexOf(s.linkId))).statuses.push(s);
  for (const a of batch.activity) (a.linkId === null ? unlinked : at(indexOf(a.linkId))).activity.push(a);
  if (unlinked.statuses.length > 0 || unlinked.activity.length > 0) chunks.push(unlinked);
  return chunks;
}
