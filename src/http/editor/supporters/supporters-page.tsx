import { can } from '../../../domain/account/permissions.js';
import type { MyData } from '../../../domain/privacy/privacy.ports.js';
import type { StringKey } from '../../../i18n/translator.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { CheckField, Csrf, Notice, SubmitButton, TextField } from '../../views/form-fields.js';

export interface SupportersPageProps extends EditorPageBase {
  email?: string;
  found?: MyData | null;
  notice?: { key: StringKey; values?: Record<string, number> };
  error?: StringKey;
}

export function SupportersPage(p: SupportersPageProps) {
  const t = p.tr.t;
  const s = p.found?.supporter;
  return (
    <EditorPage page={p} title={t('editor.supporters.title')} section="supporters">
      <h1>{t('editor.supporters.title')}</h1>
      {p.notice && <Notice>{t(p.notice.key, p.notice.values)}</Notice>}
      <p>{t('editor.supporters.intro')}</p>
      {can(p.user.role, 'settings:manage') && (
        <p>
          <a href="/editor/settings/privacy">{t('editor.supporters.retentionLink')}</a>
        </p>
      )}
      <form method="post" action="/editor/supporters/find">
        <Csrf token={p.csrf} />
        <TextField
          id="email"
          type="email"
          label={t('editor.supporters.email')}
          value={p.email ?? ''}
          required
          maxLength={254}
          error={p.error ? t(p.error) : undefined}
        />
        <SubmitButton>{t('editor.supporters.find')}</SubmitButton>
      </form>
      {p.found === null && <p>{t('editor.supporters.notFound')}</p>}
      {s && p.found && (
        <section>
          <h2 dir="auto">{s.name}</h2>
          <p>{t('editor.supporters.found', { count: p.found.signatures.length })}</p>
          <ul>
            {p.found.signatures.map((g) => (
              <li key={g.id} dir="auto">
                {g.campaignHeadline} · {p.tr.date(g.createdAt)}
              </li>
            ))}
          </ul>
          <form method="post" action={`/editor/supporters/${s.id}/export`}>
            <Csrf token={p.csrf} />
            <SubmitButton name="format" value="json">
              {t('editor.supporters.downloadJson')}
            </SubmitButton>{' '}
            <SubmitButton name="format" value="csv">
              {t('editor.supporters.downloadCsv')}
            </SubmitButton>
          </form>
          {can(p.user.role, 'supporters:erase') && (
            <form method="post" action={`/editor/supporters/${s.id}/erase`}>
              <h3>{t('editor.supporters.erase.heading')}</h3>
              <p>{t('myData.erase.body')}</p>
              <Csrf token={p.csrf} />
              <CheckField
                id="confirm"
                value="yes"
                checked={false}
                required
                label={t('editor.supporters.erase.confirm')}
              />
              <SubmitButton kind="danger">{t('editor.supporters.erase.button')}</SubmitButton>
            </form>
          )}
        </section>
      )}
    </EditorPage>
  );
}
