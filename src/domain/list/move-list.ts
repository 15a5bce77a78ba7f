// Changing the language of one's mailings: leave one list and join another in one step, and make the new
// language the person's own. The old consent is withdrawn (via `preferences`) and the button's words are
// recorded as the consent for the new list.
import type { Clock } from '../shared/clock.js';
import type { ListStore } from './list.ports.js';
import { listConsentVersion } from './list-mail.js';
import { isListLanguage } from './membership.js';

export type MoveListResult = { status: 'moved' } | { status: 'invalid' };

export async function moveList(
  deps: { lists: Pick<ListStore, 'move'>; clock: Clock },
  input: { supporterId: number; from: string; to: string; pageLocale: string; consentText: string },
): Promise<MoveListResult> {
  if (input.from === input.to || !isListLanguage(input.to, input.pageLocale)) return { status: 'invalid' };
  const moved = await deps.lists.move({
    supporterId: input.supporterId,
    from: input.from,
    to: input.to,
    consent: { text: input.consentText, version: listConsentVersion, locale: input.pageLocale },
    now: deps.clock.now(),
  });
  return moved === 'moved' ? { status: 'moved' } : { status: 'invalid' };
}
