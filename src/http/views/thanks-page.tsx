// The page a public form answers with once it has stored what was sent (a campaign request, a translator
// application): a title, one lead paragraph, and the way back to the home page.
import type { StringKey, Translator } from '../../i18n/translator.js';
import { Layout, type SiteInfo } from './layout.js';

export function ThanksPage(p: {
  tr: Translator;
  site: SiteInfo;
  path: string;
  title: StringKey;
  body: StringKey;
}) {
  const t = p.tr.t;
  return (
    <Layout tr={p.tr} site={p.site} title={t(p.title)} path={p.path}>
      <h1>{t(p.title)}</h1>
      <p class="lead">{t(p.body)}</p>
      <p>
        <a href={`/${p.tr.locale}/`}>{t('request.thanks.back')}</a>
      </p>
    </Layout>
  );
}
