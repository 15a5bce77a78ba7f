// A translator's choice about the daily bulletin (decision 0037), from their account settings: read it, or
// turn the bulletin on or off. It is never on by a ticked box the person did not tick: it starts on because
// getting work in one's languages is what a translator account is for, and one click turns it off.
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
