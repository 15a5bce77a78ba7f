// The admins' pages about people: everyone with their role and state, an invitation form, and one page
// per person to change the role, disable or enable the account and end its sessions (and, for partners and
// translators, what they are limited to: account-scopes.tsx).
import type { User } from '../../../domain/account/account.js';
import { roles } from '../../../domain/account/permissions.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime, roleKeys, statusKeys } from '../../views/editor/labels.js';
import {
  Csrf,
  languageOptions,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';
import { AccountLink } from './account-link.js';
import { AccountScopeSection, type ScopeSection } from './account-scopes.js';

interface Base extends EditorPageBase {
  notice?: StringKey | undefined;
  error?: string | undefined;
}

const roleOptions = (tr: Translator) => roles.map((r) => ({ value: r, label: tr.t(roleKeys[r]) }));

export function UsersPage(
  p: Base & { users: User[]; invite?: { email: string; role: string; locale: string } },
) {
  const { tr, csrf, notice, error, users, invite } = p;
  const t = tr.t;
  return (
    <EditorPage page={p} title={t('editor.users.title')} section="users" heading>
      {notice && <Notice>{t(notice)}</Notice>}

      <section class="editor-panel">
        <h2>{t('editor.users.invite')}</h2>
        <p class="help">{t('editor.users.inviteHelp')}</p>
        <form method="post" action="/editor/users/invite" class="editor-form" novalidate>
          <Csrf token={csrf} />
          <TextField
            id="email"
            type="email"
            label={t('account.field.email')}
            value={invite?.email ?? ''}
            error={error}
            autocomplete="off"
            required
            maxLength={320}
            autofocus={Boolean(error)}
          />
          <SelectField
            id="role"
            label={t('account.field.role')}
            options={roleOptions(tr)}
            value={invite?.role ?? 'editor'}
          />
          <SelectField
            id="locale"
            label={t('editor.users.inviteLanguage')}
            options={languageOptions()}
            value={invite?.locale ?? tr.locale}
          />
          <SubmitButton>{t('editor.users.sendInvitation')}</SubmitButton>
        </form>
      </section>

      <h2>{t('editor.users.everyone', { count: users.length })}</h2>
      <ul class="editor-list">
        {users.map((u) => (
          <li key={u.id} class={`editor-list__item editor-list__item--${u.status}`}>
            <AccountLink href={`/editor/users/${u.id}`} account={u} />
            <span class="editor-list__meta">
              {t(roleKeys[u.role])} · {t(statusKeys[u.status])}
              {u.lastLoginAt !== null &&
                ` · ${t('editor.users.lastLogin', { when: dateTime(tr, u.lastLoginAt) })}`}
            </span>
          </li>
        ))}
      </ul>
    </EditorPage>
  );
}

export function UserPage(p: Base & { subject: User; sessions: number; scopes?: ScopeSection | undefined }) {
  const { tr, user, csrf, notice, error, subject, sessions, scopes } = p;
  const t = tr.t;
  const title = subject.name || subject.email;
  const self = subject.id === user.id;
  return (
    <EditorPage page={p} title={title} section="users">
      <BackLink href="/editor/users">{t('editor.users.back')}</BackLink>
      <h1 dir="auto">{title}</h1>
      {notice && <Notice>{t(notice)}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <dl class="editor-facts">
        <dt>{t('account.field.email')}</dt>
        <dd dir="ltr">{subject.email}</dd>
        <dt>{t('account.field.role')}</dt>
        <dd>{t(roleKeys[subject.role])}</dd>
        <dt>{t('editor.users.state')}</dt>
        <dd>{t(statusKeys[subject.status])}</dd>
        <dt>{t('account.field.language')}</dt>
        <dd>{nativeName(subject.locale)}</dd>
        <dt>{t('editor.users.created')}</dt>
        <dd>{dateTime(tr, subject.createdAt)}</dd>
        <dt>{t('editor.users.lastLoginLabel')}</dt>
        <dd>{subject.lastLoginAt === null ? t('editor.users.never') : dateTime(tr, subject.lastLoginAt)}</dd>
        <dt>{t('editor.account.sessions')}</dt>
        <dd>{t('editor.account.sessionCount', { count: sessions })}</dd>
      </dl>
      <p>
        <a href={`/editor/audit?entityType=user&entityId=${subject.id}`}>{t('editor.users.history')}</a>
      </p>

      {self ? (
        <p class="help">{t('editor.users.selfHelp')}</p>
      ) : (
        <>
          <section class="editor-panel">
            <h2>{t('editor.users.changeRole')}</h2>
            <form method="post" action={`/editor/users/${subject.id}/role`} class="editor-form">
              <Csrf token={csrf} />
              <SelectField
                id="role"
                label={t('account.field.role')}
                options={roleOptions(tr)}
                value={subject.role}
              />
              <SubmitButton>{t('editor.save')}</SubmitButton>
            </form>
          </section>
          {scopes && <AccountScopeSection tr={tr} csrf={csrf} subject={subject} scopes={scopes} />}
          <section class="editor-panel">
            <h2>{t('editor.users.access')}</h2>
            <div class="editor-actions">
              <form method="post" action={`/editor/users/${subject.id}/revoke-sessions`}>
                <Csrf token={csrf} />
                <SubmitButton kind="secondary">{t('editor.users.revoke')}</SubmitButton>
              </form>
              {subject.status === 'disabled' ? (
                <form method="post" action={`/editor/users/${subject.id}/enable`}>
                  <Csrf token={csrf} />
                  <SubmitButton kind="secondary">{t('editor.users.enable')}</SubmitButton>
                </form>
              ) : (
                <form method="post" action={`/editor/users/${subject.id}/disable`}>
                  <Csrf token={csrf} />
                  <SubmitButton kind="danger">{t('editor.users.disable')}</SubmitButton>
                </form>
              )}
            </div>
            <p class="help">{t('editor.users.disableHelp')}</p>
          </section>
        </>
      )}
    </EditorPage>
  );
}
