// The translators' daily bulletin (decision 0037): a recurring run reads the campaigns (with their claims and
// the translations in review, for coordinators) and the translators, and for each translator whose bulletin is
// due writes the bulletin's watermark and its composed mail in one transaction (the outbox rule), so a mail
// is never lost or sent twice across restarts.
import type { Config } from '../../config/config.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { TranslationStore } from '../../domain/translation/translation.ports.js';
import { dueBulletins } from '../../domain/translation/translator-bulletin.js';
import type { TranslatorBulletinStore } from '../../domain/translation/translator-bulletin.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { translatorBulletinEmail } from '../../mail/templates/translator-bulletin.email.js';
import { jobKinds, newJob } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import { siteLinks, siteSender } from '../site.js';
import type { WorkerLogger } from '../worker.js';

export interface TranslatorBulletinJobDeps {
  translations: Pick<TranslationStore, 'board'>;
  bulletins: TranslatorBulletinStore;
  clock: Clock;
  config: Pick<Config, 'BASE_URL' | 'SITE_NAME' | 'MAIL_FROM'>;
  logger?: WorkerLogger;
}

/** One run: the number of bulletins put in the outbox. */
export async function runTranslatorBulletins(deps: TranslatorBulletinJobDeps): Promise<number> {
  const now = deps.clock.now();
  const translators = await deps.bulletins.translators();
  if (translators.length === 0) return 0;
  const due = dueBulletins(translators, await deps.translations.board(), now);
  const { config } = deps;
  let sent = 0;
  for (const { translator, items, reviews } of due) {
    const tr = translatorFor(translator.locale);
    const text = translatorBulletinEmail(
      { recipient: translator, items, reviews, site: siteLinks(config) },
      tr,
    );
    const mail = newJob(
      jobKinds.sendEmail,
      siteMail(siteSender(config), { name: translator.name, address: translator.email }, tr, text),
    );
    const recorded = await deps.bulletins.recordSent({
      userId: translator.id,
      previousSentAt: translator.lastSentAt,
      items: [...items, ...reviews].map((i) => i.key),
      mail,
      now,
    });
    if (recorded) sent += 1;
  }
  if (sent > 0) deps.logger?.info({ bulletins: sent }, 'translation bulletins');
  return sent;
}

export function translatorBulletinJobs(deps: TranslatorBulletinJobDeps): RecurringJob[] {
  return [
    {
      kind: jobKinds.sendTranslatorBulletins,
      // Hourly: a bulletin goes out within the hour after it is due, never more than once a day.
      everyMs: 60 * 60_000,
      run: () => runTranslatorBulletins(deps),
    },
  ];
}
