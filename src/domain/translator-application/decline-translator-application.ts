// An editor declines a volunteer's application: it is deleted, and the audit entry keeps only its languages.
// No mail goes out (the thanks page promises an email only to those taken on).
import type { Actor } from '../account/account.js';
import type { AnswerDeps, AnswerResult } from './accept-translator-application.js';

export async function declineTranslatorApplication(
  deps: Pick<AnswerDeps, 'clock' | 'applications'>,
  actor: Actor,
  id: number,
): Promise<AnswerResult> {
  return deps.applications.transaction(async (unit): Promise<AnswerResult> => {
    const application = await unit.find(id);
    if (!application || !(await unit.remove(id))) return { status: 'not_found' };
    await unit.audit.record({
      actor,
      action: 'translator_application.declined',
      entityType: 'translator_application',
      entityId: id,
      before: { languages: application.languages },
      now: deps.clock.now(),
    });
    return { status: 'declined' };
  });
}
