// The composer's templates: subject, preheader and body per kind, written in the mailing's source language
// from the facts of the campaign it promotes (domain/mailing/mailing-template.ts). They are starting
// points the editor rewrites; the other live campaigns are not written in, since the renderer lists them
// in each reader's language.

import type { MailingTexts } from '../../../domain/mailing/mailing.js';
import type { TemplateFacts } from '../../../domain/mailing/mailing-template.js';
import { siteBase } from '../../../domain/shared/site-url.js';
import type { Translator } from '../../../i18n/translator.js';

export function templateTexts(facts: TemplateFacts, tr: Translator, baseUrl: string): MailingTexts {
  const url = `${siteBase(baseUrl)}/${facts.locale}/campaigns/${facts.slug}`;
  const v = { headline: facts.headline, url };
  switch (facts.kind) {
    case 'launch':
      return {
        subject: tr.t('mailings.template.launch.subject', v),
        preheader: tr.t('mailings.template.launch.preheader'),
        bodyMd: tr.t('mailings.template.launch.body', v),
      };
    case 'escalation':
      return {
        subject: tr.t('mailings.template.escalation.subject', v),
        preheader: tr.t('mailings.template.escalation.preheader'),
        bodyMd: tr.t('mailings.template.escalation.body', v),
      };
    case 'urgent':
      return {
        subject: tr.t('mailings.template.urgent.subject', v),
        preheader: tr.t('mailings.template.urgent.preheader'),
        bodyMd: tr.t('mailings.template.urgent.body', v),
      };
    case 'victory': {
      // Without tr.list's bidi isolates: this is Markdown the editor edits, where they would be invisible noise.
      const languages = facts.translatedLocales.map((l) => tr.languageName(l));
      const thanks =
        languages.length > 0
          ? tr.t('mailings.template.victory.thanksTranslators', {
              count: facts.count,
              languages: new Intl.ListFormat(tr.locale, { type: 'conjunction' }).format(languages),
            })
          : tr.t('mailings.template.victory.thanks', { count: facts.count });
      const parts = [
        tr.t('mailings.template.victory.opening', v),
        facts.outcomeMd?.trim() ?? '',
        thanks,
        tr.t('mailings.template.victory.others'),
      ];
      return {
        subject: tr.t('mailings.template.victory.subject', v),
        preheader: tr.t('mailings.template.victory.preheader', { count: facts.count }),
        bodyMd: parts.filter((p) => p !== '').join('\n\n'),
      };
    }
    case 'general':
      return { subject: '', preheader: '', bodyMd: '' };
  }
}
