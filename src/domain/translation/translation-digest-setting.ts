// A translator's choice about the daily digest (decision 0037), from their account settings: read it, or
// turn the digest on or off. It is never on by a ticked box the person did not tick: it starts on because
// getting work in one's languages is what a translator account is for, and one click turns it off.
import type { Clock } from '../shared/clock.js';
import type { TranslationDigestStore } from './translation-digest.ports.js';

export interface DigestSettingDeps {
  digests: Pick<TranslationDigestStore, 'wanted' | 'setWanted'>;
  clock: Pick<Clock, 'now'>;
}

export function viewTranslationDigest(deps: DigestSettingDeps, userId: number): Promise<boolean> {
  return deps.digests.wanted(userId);
}

export async function setTranslationDigest(deps: DigestSettingDeps, userId: number, wanted: boolean) {
  await deps.digests.setWanted(userId, wanted, deps.clock.now());
}
