// Error pages in the visitor's language: a title, one helpful sentence and a way back.
import type { Translator } from '../../i18n/translator.js';
import { Layout, type SiteInfo } from './layout.js';

export function ErrorPage({
  tr,
  site,
  title,
  body,
}: {
  tr: Translator;
  site: SiteInfo;
  title: string;
  body: string;
}) {
  return (
    <Layout tr={tr} site={site} title={title}>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a class="button" href={`/${tr.locale}/`}>
            {tr.t('error.backHome')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
