// "My account": name and interface language, password (the current one asked again), the sessions this
// account has open with a button to end them all, and for a translator their languages with their standing
// in each and what it lets them do (decision 0039), since only an admin sets it.
import { Fragment } from 'preact';
import { passwordLimits } from '../../../domain/account/account.js';
import { can } from '../../../domain/account/permissions.js';
import type { LanguageGrant, LanguageStanding } from '../../../domain/translation/language-standing.js';
import type { StringKey } from '../../../i18n/translator.js';
import { EditorLayout, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { roleKeys } from '../../views/editor/labels.js';
import {
  Csrf,
  languageOptions,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';

export interface AccountPageProps extends EditorPageBase {
  sessions: number;
  notice?: StringKey | undefined;
  profile?: { name: string; locale: string; error?: string | undefined };
  password?: { current?: string | undefined; password?: string | undefined };
  /** A translator's languages with their standing in each; none for other roles. */
  languages?: readonly LanguageGrant[];
}

const standingKeys: Record<LanguageStanding, { name: StringKey; may: StringKey }> = {
  translator: { name: 'scopes.standing.translator', may: 'editor.account.may.translator' },
  trusted: { name: 'scopes.standing.trusted', may: 'editor.account.may.trusted' },
  coordinator: { name: 'scopes.standing.coordinator', may: 'editor.account.may.coordinator' },
};

export function AccountPage(props: AccountPageProps) {
  const { tr, site, user, csrf, sessions, notice, profile, password, languages = [] } = props;
  const t = tr.t;
  const title = t('editor.account.title');
  return (
    <EditorLayout tr={tr} site={site} title={title} user={user} csrfToken={csrf} section="account">
      <h1>{title}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      <p>{t('editor.account.signedInAs', { email: user.email, role: t(roleKeys[user.role]) })}</p>

      {languages.length > 0 && (
        <section class="editor-panel" id="my-languages">
          <h2>{t('editor.account.languages')}</h2>
          <dl class="editor-facts">
            {languages.map((g) => (
              <Fragment key={g.locale}>
                <dt>{tr.languageName(g.locale)}</dt>
                <dd>
                  <strong>{t(standingKeys[g.standing].name)}</strong> {t(standingKeys[g.standing].may)}
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      )}

      <section class="editor-panel">
        <h2>{t('editor.account.profile')}</h2>
        <form method="post" action="/editor/account/profile" class="editor-form">
          <Csrf token={csrf} />
          <TextField
            id="name"
            label={t('account.field.name')}
            value={profile?.name ?? user.name}
            error={profile?.error}
            autocomplete="name"
            required
            maxLength={100}
            autofocus={Boolean(profile?.error)}
          />
          <SelectField
            id="locale"
            label={t('account.field.language')}
            options={languageOptions()}
            value={profile?.locale ?? user.locale}
          />
          <SubmitButton>{t('editor.save')}</SubmitButton>
        </form>
      </section>

      <section class="editor-panel">
        <h2>{t('editor.account.password')}</h2>
        <form method="post" action="/editor/account/password" class="editor-form" novalidate>
          <Csrf token={csrf} />
          <TextField
            id="current"
            type="password"
            label={t('account.field.currentPassword')}
            error={password?.current}
            autocomplete="current-password"
            required
            maxLength={passwordLimits.max}
            autofocus={Boolean(password?.current)}
          />
          <TextField
            id="password"
            type="password"
            label={t('account.field.newPassword')}
            help={t('account.password.help', { min: passwordLimits.min })}
            error={password?.password}
            autocomplete="new-password"
            required
            maxLength={passwordLimits.max}
            autofocus={Boolean(password?.password)}
          />
          <SubmitButton>{t('editor.account.changePassword')}</SubmitButton>
        </form>
      </section>

      <section class="editor-panel">
        <h2>{t('editor.account.sessions')}</h2>
        <p>{t('editor.account.sessionCount', { count: sessions })}</p>
        <form method="post" action="/editor/account/logout-everywhere">
          <Csrf token={csrf} />
          <SubmitButton kind="secondary">{t('editor.account.logoutEverywhere')}</SubmitButton>
        </form>
      </section>

      {can(user.role, 'translations:edit') && (
        <section class="editor-panel" id="translator-bulletin">
          <h2>{t('translatorBulletin.setting.title')}</h2>
          <p>
            <a href="/editor/account/translator-bulletin">{t('translatorBulletin.setting.link')}</a>
          </p>
        </section>
      )}
    </EditorLayout>
  );
}
