// The editors' list of waiting translator applications: who, their address, the languages they offered,
// their note, when it came; per application "Invite as translator" and "Decline and delete".
import type { TranslatorApplication } from '../../../domain/translator-application/translator-application.ports.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { Csrf, Notice, SubmitButton } from '../../views/form-fields.js';

export function TranslatorApplicationsPage(
  p: EditorPageBase & {
    applications: TranslatorApplication[];
    notice?: string | undefined;
    error?: string | undefined;
  },
) {
  const { tr } = p;
  const t = tr.t;
  return (
    <EditorPage page={p} title={t('translatorApplications.title')} section="requests" heading>
      <p class="help">{t('translatorApplications.intro')}</p>
      {p.notice && <Notice>{p.notice}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      {p.applications.length === 0 && <p>{t('translatorApplications.none')}</p>}
      {p.applications.length > 0 && (
        <ul class="editor-list">
          {p.applications.map((a) => (
            <li key={a.id} class="editor-list__item" id={`application-${a.id}`}>
              <h2>
                <bdi>{a.name}</bdi>
              </h2>
              <p>
                <bdi dir="ltr">{a.email}</bdi>
              </p>
              <p>
                {t('translatorApplications.languages', {
                  languages: tr.list(a.languages.map((l) => tr.languageName(l))),
                })}
              </p>
              {a.note !== '' && (
                <blockquote dir="auto" class="preserve-lines">
                  {a.note}
                </blockquote>
              )}
              <p class="editor-list__meta">{dateTime(tr, a.createdAt)}</p>
              <div class="editor-actions">
                <form method="post" action={`/editor/translator-applications/${a.id}/accept`}>
                  <Csrf token={p.csrf} />
                  <SubmitButton>{t('translatorApplications.accept')}</SubmitButton>
                </form>
                <form method="post" action={`/editor/translator-applications/${a.id}/decline`}>
                  <Csrf token={p.csrf} />
                  <SubmitButton kind="secondary">{t('translatorApplications.decline')}</SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </EditorPage>
  );
}
