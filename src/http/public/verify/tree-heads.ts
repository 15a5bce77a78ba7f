// The campaign page shows the newest signed tree head (decision 0031). Heads are signed every few minutes
// at most, and the page is the hottest path there is, so each process asks the log once a minute per
// campaign, not per view. Keys are campaign ids from the database, so the map stays as small as that list.
import type { Clock } from '../../../domain/shared/clock.js';
import { toHex } from '../../../domain/signature-log/merkle.js';
import type { SignatureLogStore } from '../../../domain/signature-log/signature-log.ports.js';
import type { VerificationHead } from './verification-line.js';

export function cachedTreeHeads(
  log: Pick<SignatureLogStore, 'latestHead'>,
  clock: Clock,
  ttlMs = 60_000,
): { latest(campaignId: number): Promise<VerificationHead | undefined> } {
  const heads = new Map<number, { at: number; head: VerificationHead | undefined }>();
  return {
    async latest(campaignId) {
      const now = clock.now();
      const hit = heads.get(campaignId);
      if (hit && now - hit.at < ttlMs) return hit.head;
      const signed = await log.latestHead(campaignId);
      const head = signed && { size: signed.size, rootHex: toHex(signed.root), timestamp: signed.timestamp };
      heads.set(campaignId, { at: now, head });
      return head;
    },
  };
}
