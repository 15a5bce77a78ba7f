// The translators' daily digest (decision 0037): a recurring run reads the live campaigns and the
// translators, and for each translator whose digest is due writes the digest's watermark and its composed
// mail in one transaction (the outbox rule), so a mail is never lost or sent twice across restarts.
import type { Config } from '../../config/config.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { TranslationStore } from '../../domain/translation/translation.ports.js';
import { dueDigests } from '../../domain/translation/translation-digest.js';
import type { TranslationDigestStore } from '../../domain/translation/translation-digest.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { translationDigestEmail } from '../../mail/templates/translation-digest.email.js';
import { jobKinds, newJob } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export interface TranslationDigestJobDeps {
  translations: Pick<TranslationStore, 'board'>;
  digests: TranslationDigestStore;
  clock: Clock;
  config: Pick<Config, 'BASE_URL' | 'SITE_NAME' | 'MAIL_FROM'>;
  logger?: WorkerLogger;
}

/** One run: the number of digests put in the outbox. */
export async function runTranslationDigests(deps: TranslationDigestJobDeps): Promise<number> {
  const now = deps.clock.now();
  const translators = await deps.digests.translators();
  if (translators.length === 0) return 0;
  const due = dueDigests(translators, await deps.translations.board(), now);
  const { config } = deps;
  let sent = 0;
  for (const { translator, items } of due) {
    const tr = translatorFor(translator.locale);
    const text = translationDigestEmail(
      { recipient: translator, items, site: { name: config.SITE_NAME, baseUrl: config.BASE_URL } },
      tr,
    );
    const mail = newJob(
      jobKinds.sendEmail,
      siteMail(
        { name: config.SITE_NAME, mailFrom: config.MAIL_FROM },
        { name: translator.name, address: translator.email },
        tr,
        text,
      ),
    );
    const keys = items.map((i) => i.key);
    if (await deps.digests.recordSent(translator.id, translator.lastSentAt, keys, mail, now)) sent += 1;
  }
  if (sent > 0) deps.logger?.info({ digests: sent }, 'translation digests');
  return sent;
}

export function translationDigestJobs(deps: TranslationDigestJobDeps): RecurringJob[] {
  return [
    {
      kind: jobKinds.sendTranslationDigests,
      // Hourly: a digest goes out within the hour after it is due, never more than once a day.
      everyMs: 60 * 60_000,
      async run() {
        await runTranslationDigests(deps);
      },
    },
  ];
}
