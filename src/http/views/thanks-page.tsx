// The page a public form answers with once it has stored what was sent (a campaign request, a translator
// application): a title, one lead paragraph, and the way back to the home page.
import type { StringKey, Translator } from '../../i18n/translator.js';
import { Layout, type SiteInfo } from './layout.js';

/** Each form's thanks page: where it is and what it says. */
const thanks = {
  request: { path: '/request/thanks', title: 'request.thanks.title', body: 'request.thanks.body' },
  helpTranslate: {
    path: '/help-translate/thanks',
    title: 'helpTranslate.thanks.title',
    body: 'helpTranslate.thanks.body',
  },
} as const satisfies Record<string, { path: string; title: StringKey; body: StringKey }>;

export function ThanksPage({
  tr,
  site,
  form,
}: {
  tr: Translator;
  site: SiteInfo;
  form: keyof typeof thanks;
}) {
  const t = tr.t;
  const { path, title, body } = thanks[form];
  return (
    <Layout tr={tr} site={site} title={t(title)} path={path}>
      <h1>{t(title)}</h1>
      <p class="lead">{t(body)}</p>
      <p>
        <a href={`/${tr.locale}/`}>{t('request.thanks.back')}</a>
      </p>
    </Layout>
  );
}
