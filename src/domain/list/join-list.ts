// Joining another language list from the preferences page. The person holds the signed link mailed to
// them, so no further confirmation is needed; the box they ticked is recorded as the consent, exactly.
import type { Clock } from '../shared/clock.js';
import type { ListStore } from './list.ports.js';
import { listConsentVersion } from './list-mail.js';
import { isListLanguage } from './membership.js';

export type JoinListResult =
  | { status: 'joined' }
  | { status: 'invalid'; error: 'ListInvalid' | 'ConsentRequired' };

export async function joinList(
  deps: { lists: Pick<ListStore, 'join'>; clock: Clock },
  input: { supporterId: number; locale: string; pageLocale: string; consented: boolean; consentText: string },
): Promise<JoinListResult> {
  if (!isListLanguage(input.locale, input.pageLocale)) return { status: 'invalid', error: 'ListInvalid' };
  if (!input.consented) return { status: 'invalid', error: 'ConsentRequired' };
  await deps.lists.join({
    supporterId: input.supporterId,
    locale: input.locale,
    consent: { text: input.consentText, version: listConsentVersion, locale: input.pageLocale },
    now: deps.clock.now(),
  });
  return { status: 'joined' };
}
