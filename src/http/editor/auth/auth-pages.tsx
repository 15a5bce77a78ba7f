// Pages people see before they are signed in: log in, ask for a link by email, the page behind an emailed
// link (one button: mail scanners fetch links, only a person presses it), accept an invitation, choose a
// new password. Every form carries the pre-login CSRF token.
import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { passwordLimits } from '../../../domain/account/account.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { AuthLayout } from '../../views/editor/editor-layout.js';
import { Csrf, ErrorSummary, Notice, SubmitButton, TextField } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';

interface Base {
  tr: Translator;
  site: SiteInfo;
  csrf: string;
}

/** What every page here takes from the request: its language (or `tr`, another one) and the CSRF token. */
export function authBase(req: Pick<FastifyRequest, 'tr' | 'csrfToken'>, site: SiteInfo, tr = req.tr): Base {
  return { tr, site, csrf: req.csrfToken };
}

function Panel({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="editor-panel">
      <h1>{title}</h1>
      {children}
    </section>
  );
}

const loginErrors: Record<'invalid' | 'disabled' | 'throttled', StringKey> = {
  invalid: 'account.login.error.invalid',
  disabled: 'account.login.error.disabled',
  throttled: 'account.login.error.throttled',
};

/** The address a person signs in with (login, login link, password reset). */
function SignInEmail(p: { tr: Translator; email: string | undefined; autofocus: boolean }) {
  return (
    <TextField
      id="email"
      type="email"
      label={p.tr.t('account.field.email')}
      value={p.email}
      autocomplete="username"
      required
      maxLength={320}
      autofocus={p.autofocus}
    />
  );
}

export function LoginPage({
  tr,
  site,
  csrf,
  email = '',
  error,
  next,
  notice,
}: Base & {
  email?: string;
  error?: 'invalid' | 'disabled' | 'throttled' | undefined;
  next?: string | undefined;
  notice?: StringKey | undefined;
}) {
  const t = tr.t;
  const title = t('account.login.title');
  return (
    <AuthLayout tr={tr} site={site} title={title} path="/editor/login">
      <Panel title={title}>
        {notice && <Notice>{t(notice)}</Notice>}
        {error && <Notice kind="error">{t(loginErrors[error])}</Notice>}
        <form method="post" action="/editor/login" class="editor-form">
          <Csrf token={csrf} />
          {next && <input type="hidden" name="next" value={next} />}
          <SignInEmail tr={tr} email={email} autofocus={!email} />
          <TextField
            id="password"
            type="password"
            label={t('account.field.password')}
            autocomplete="current-password"
            required
            maxLength={passwordLimits.max}
            autofocus={Boolean(email)}
          />
          <SubmitButton>{t('account.login.submit')}</SubmitButton>
        </form>
        <ul class="editor-links">
          <li>
            <a href="/editor/login/email">{t('account.login.byEmail')}</a>
          </li>
          <li>
            <a href="/editor/reset">{t('account.login.forgot')}</a>
          </li>
        </ul>
      </Panel>
    </AuthLayout>
  );
}

export type LinkPurpose = 'login' | 'reset';

export function LinkRequestPage({
  tr,
  site,
  csrf,
  purpose,
  state,
  email = '',
}: Base & { purpose: LinkPurpose; state?: 'sent' | 'throttled' | undefined; email?: string }) {
  const t = tr.t;
  const path = purpose === 'login' ? '/editor/login/email' : '/editor/reset';
  const title = t(purpose === 'login' ? 'account.link.title' : 'account.reset.title');
  return (
    <AuthLayout tr={tr} site={site} title={title} path={path}>
      <Panel title={title}>
        {state === 'sent' ? (
          <Notice>{t(purpose === 'login' ? 'account.link.sent' : 'account.reset.sent')}</Notice>
        ) : (
          <>
            {state === 'throttled' && <Notice kind="error">{t('account.link.throttled')}</Notice>}
            <p>{t(purpose === 'login' ? 'account.link.intro' : 'account.reset.intro')}</p>
            <form method="post" action={path} class="editor-form">
              <Csrf token={csrf} />
              <SignInEmail tr={tr} email={email} autofocus />
              <SubmitButton>{t('account.link.submit')}</SubmitButton>
            </form>
          </>
        )}
        <p>
          <a href="/editor/login">{t('account.backToLogin')}</a>
        </p>
      </Panel>
    </AuthLayout>
  );
}

export function LinkLoginPage({ tr, site, csrf, token, email }: Base & { token: string; email: string }) {
  const t = tr.t;
  const title = t('account.link.title');
  return (
    <AuthLayout tr={tr} site={site} title={title} path={`/editor/login/link/${token}`}>
      <Panel title={title}>
        <p>{t('account.link.confirm', { email })}</p>
        <form method="post" action={`/editor/login/link/${token}`}>
          <Csrf token={csrf} />
          <SubmitButton kind="big">{t('account.link.button')}</SubmitButton>
        </form>
      </Panel>
    </AuthLayout>
  );
}

export function LinkExpiredPage({
  tr,
  site,
  purpose,
}: Omit<Base, 'csrf'> & { purpose: 'login' | 'invite' | 'reset' }) {
  const t = tr.t;
  const title = t('account.expired.title');
  return (
    <AuthLayout tr={tr} site={site} title={title} path="/editor/login">
      <Panel title={title}>
        <p>{t(purpose === 'invite' ? 'account.expired.invite' : 'account.expired.body')}</p>
        <ul class="editor-links">
          <li>
            <a href={purpose === 'reset' ? '/editor/reset' : '/editor/login/email'}>
              {t(purpose === 'reset' ? 'account.reset.title' : 'account.link.title')}
            </a>
          </li>
          <li>
            <a href="/editor/login">{t('account.backToLogin')}</a>
          </li>
        </ul>
      </Panel>
    </AuthLayout>
  );
}

export interface PasswordFormErrors {
  name?: string | undefined;
  password?: string | undefined;
}

export function InvitationPage({
  tr,
  site,
  csrf,
  token,
  email,
  role,
  name = '',
  errors = {},
}: Base & { token: string; email: string; role: string; name?: string; errors?: PasswordFormErrors }) {
  const t = tr.t;
  const title = t('account.invite.title');
  const list = [
    ...(errors.name ? [{ field: 'name', text: errors.name }] : []),
    ...(errors.password ? [{ field: 'password', text: errors.password }] : []),
  ];
  return (
    <AuthLayout tr={tr} site={site} title={title} path={`/editor/invitation/${token}`}>
      <Panel title={title}>
        <p>{t('account.invite.intro', { email, role })}</p>
        <ErrorSummary title={t('account.errors.summary', { count: list.length })} errors={list} />
        <form method="post" action={`/editor/invitation/${token}`} class="editor-form" novalidate>
          <Csrf token={csrf} />
          <input type="hidden" name="locale" value={tr.locale} />
          <TextField
            id="name"
            label={t('account.field.name')}
            value={name}
            error={errors.name}
            autocomplete="name"
            required
            maxLength={100}
            autofocus={!errors.password || Boolean(errors.name)}
          />
          <TextField
            id="password"
            type="password"
            label={t('account.field.newPassword')}
            help={t('account.password.help', { min: passwordLimits.min })}
            error={errors.password}
            autocomplete="new-password"
            required
            maxLength={passwordLimits.max}
            autofocus={Boolean(errors.password)}
          />
          <SubmitButton>{t('account.invite.submit')}</SubmitButton>
        </form>
      </Panel>
    </AuthLayout>
  );
}

export function ResetPage({
  tr,
  site,
  csrf,
  token,
  email,
  error,
}: Base & { token: string; email: string; error?: string | undefined }) {
  const t = tr.t;
  const title = t('account.reset.choose');
  return (
    <AuthLayout tr={tr} site={site} title={title} path={`/editor/reset/${token}`}>
      <Panel title={title}>
        <p>{t('account.reset.for', { email })}</p>
        <form method="post" action={`/editor/reset/${token}`} class="editor-form" novalidate>
          <Csrf token={csrf} />
          <TextField
            id="password"
            type="password"
            label={t('account.field.newPassword')}
            help={t('account.password.help', { min: passwordLimits.min })}
            error={error}
            autocomplete="new-password"
            required
            maxLength={passwordLimits.max}
            autofocus
          />
          <SubmitButton>{t('account.reset.submit')}</SubmitButton>
        </form>
      </Panel>
    </AuthLayout>
  );
}
