// An editor accepts a volunteer's application: they are invited as a translator through the account
// invitation use case, the account gets the languages they applied for and the application is deleted, all
// in one transaction (a refused invitation leaves the application as it was). Audited without the person's
// name or address: the application held personal data only until answered.
import type { Actor } from '../account/account.js';
import type { AccountDeps } from '../account/account.ports.js';
import { inviteUser } from '../account/invite-user.js';
import type { Clock } from '../shared/clock.js';
import type { TranslatorApplicationStore } from './translator-application.ports.js';

export type AnswerResult =
  | { status: 'accepted'; email: string }
  | { status: 'declined' }
  | { status: 'not_found' }
  /** The address already has an account: nothing changed, the application waits. */
  | { status: 'exists'; email: string };

export interface AnswerDeps {
  clock: Clock;
  applications: TranslatorApplicationStore;
  tokens: AccountDeps['tokens'];
}

export async function acceptTranslatorApplication(
  deps: AnswerDeps,
  actor: Actor & { name: string },
  id: number,
): Promise<AnswerResult> {
  return deps.applications.transaction(async (unit): Promise<AnswerResult> => {
    const application = await unit.find(id);
    if (!application) return { status: 'not_found' };
    const invited = await inviteUser(
      { store: unit.accounts, tokens: deps.tokens, clock: deps.clock },
      actor,
      {
        email: application.email,
        role: 'translator',
        locale: application.locale,
      },
    );
    if (invited.status === 'exists') return { status: 'exists', email: application.email };
    // The address was checked when the application came in; a stored one that no longer parses is gone.
    if (invited.status === 'invalid') return { status: 'not_found' };
    const now = deps.clock.now();
    await unit.setTranslatorLanguages(invited.userId, application.languages, actor.id, now);
    await unit.remove(id);
    await unit.audit.record({
      actor,
      action: 'translator_application.accepted',
      entityType: 'translator_application',
      entityId: id,
      after: { userId: invited.userId, languages: application.languages },
      now,
    });
    return { status: 'accepted', email: application.email };
  });
}
