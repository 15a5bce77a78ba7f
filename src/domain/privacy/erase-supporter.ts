// Erasure of one supporter, by themselves (the my-data page), by an editor answering a request received by
// post or email (audited), or by the retention purge. One transaction in the store: the person's row and
// every personal field of their signatures anonymised for good, consents withdrawn, their messages not yet
// sent cancelled, and the erasure recorded as a keyed hash of the address, never the address.
import type { Clock } from '../shared/clock.js';
import type { ErasureCounts, ErasureVia, PrivacyStore } from './privacy.ports.js';

export interface EraseDeps {
  privacy: Pick<PrivacyStore, 'erase'>;
  clock: Clock;
  keyedHash(canonicalEmail: string): string;
}

export type EraseResult = { status: 'erased'; counts: ErasureCounts } | { status: 'unknown' };

export async function eraseSupporter(
  deps: EraseDeps,
  req: { supporterId: number; via: ErasureVia; actor?: { id: number; email: string } },
): Promise<EraseResult> {
  const counts = await deps.privacy.erase({
    supporterId: req.supporterId,
    via: req.via,
    now: deps.clock.now(),
    keyedHash: deps.keyedHash,
    ...(req.actor ? { actor: req.actor } : {}),
  });
  return counts ? { status: 'erased', counts } : { status: 'unknown' };
}
