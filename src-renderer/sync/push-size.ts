/**
 * The server takes sync bodies up to 8 MB. A push of MAX_PUSH_MUTATIONS entries fits easily
 * unless entries carry photos (inspection readings may hold one of up to ~160 kB): then a
 * full batch would be refused as too large on every retry and wedge the queue. A push is cut
 * at half the server's limit, but always carries at least one entry.
 */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

export function takeWithinBytes<T extends { args: unknown }>(
  entries: readonly T[],
  maxBytes = MAX_PUSH_BYTES,
): T[] {
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    total += JSON.stringify(entries[i]!.args)?.length ?? 0;
    if (total > maxBytes && i > 0) return entries.slice(0, i);
  }
  return [...entries];
}
