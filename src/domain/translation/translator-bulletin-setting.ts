// A translator's (or reviewing editor's) choice about the daily bulletin (decision 0037), from their account
// settings: read it, or turn the bulletin on or off. It starts on (the box shows ticked until they untick it):
// a translator account exists to hear of work in its languages, an editor's of work waiting for review; this
// is not a supporter's consent (those boxes are never ticked).
import type { Clock } from '../shared/clock.js';
import type { TranslatorBulletinStore } from './translator-bulletin.ports.js';

export interface BulletinSettingDeps {
  bulletins: Pick<TranslatorBulletinStore, 'wanted' | 'setWanted'>;
  clock: Pick<Clock, 'now'>;
}

export function viewTranslatorBulletin(deps: BulletinSettingDeps, userId: number): Promise<boolean> {
  return deps.bulletins.wanted(userId);
}

export async function setTranslatorBulletin(deps: BulletinSettingDeps, userId: number, wanted: boolean) {
  await deps.bulletins.setWanted(userId, wanted, deps.clock.now());
}
