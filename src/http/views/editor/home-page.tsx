// The editor start page until the dashboard exists: who is signed in, as what, and the sections their
// role may use.
import type { User } from '../../../domain/account/account.js';
import { can } from '../../../domain/account/permissions.js';
import type { Translator } from '../../../i18n/translator.js';
import type { SiteInfo } from '../layout.js';
import { EditorLayout, sections } from './editor-layout.js';
import { roleKeys } from './labels.js';

export function HomePage({
  tr,
  site,
  user,
  csrf,
}: {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
}) {
  const t = tr.t;
  const title = t('editor.home.title');
  const links = sections.filter((s) => s.id !== 'home' && can(user.role, s.permission));
  return (
    <EditorLayout tr={tr} site={site} title={title} user={user} csrfToken={csrf} section="home">
      <h1>{t('editor.home.greeting', { name: user.name || user.email })}</h1>
      <p class="lead">{t('editor.home.role', { role: t(roleKeys[user.role]) })}</p>
      <ul class="editor-cards">
        {links.map((s) => (
          <li key={s.id}>
            <a href={s.href}>{t(s.label)}</a>
          </li>
        ))}
      </ul>
    </EditorLayout>
  );
}
