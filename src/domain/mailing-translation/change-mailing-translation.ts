// Save, submit, publish or send back one language version of a mailing: the shared translation steps
// (domain/translation/translation-steps.ts) with the mailing's texts and storage, so a translator's
// languages, the reviewers' rights and the states are the campaign texts' own.
import type { Clock } from '../shared/clock.js';
import type { TranslationViewer } from '../translation/translation.js';
import { runStep, type StepInput, type StepResult } from '../translation/translation-steps.js';
import {
  type MailingField,
  type MailingTranslationWork,
  mailingTextSpec,
  openForTranslation,
} from './mailing-translation.js';
import type { MailingTranslationStore } from './mailing-translation.ports.js';

export interface MailingTranslationDeps {
  mailingTranslations: MailingTranslationStore;
  clock: Pick<Clock, 'now'>;
}

export type MailingTranslationResult = StepResult<MailingField, MailingTranslationWork>;

export function changeMailingTranslation(
  deps: MailingTranslationDeps,
  viewer: TranslationViewer,
  at: { mailingId: number; locale: string },
  input: StepInput<MailingField>,
): Promise<MailingTranslationResult> {
  const store = deps.mailingTranslations;
  return runStep(
    mailingTextSpec,
    {
      load: async () => {
        const work = await store.work(at.mailingId, at.locale);
        return work && { ...work, closed: !openForTranslation(work.mailingStatus) };
      },
      write: (_work, change) => store.write(at, change),
    },
    () => deps.clock.now(),
    viewer,
    input,
  );
}
