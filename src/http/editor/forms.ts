// The shapes of the editor's form bodies. Only these fields are read (no mass assignment); each must be a
// single string. Bounds here only stop absurd bodies; the real rules, with translated errors, are the
// account use cases'.
import { z } from 'zod';
import { type NameError, nameMax, type PasswordError, passwordLimits } from '../../domain/account/account.js';
import type { InviteError } from '../../domain/account/invite-user.js';
import { roles } from '../../domain/account/permissions.js';
import { uiLocales } from '../../i18n/locales.js';
import type { MessageKey, Translator } from '../../i18n/translator.js';

const text = (max: number) => z.string().max(max).optional().default('');
const locale = z.enum(uiLocales.map((l) => l.code) as [string, ...string[]]);

export const loginSchema = z.object({ email: text(400), password: text(1_000), next: text(500) });
export const emailSchema = z.object({ email: text(400) });
export const invitationSchema = z.object({
  name: text(1_000),
  password: text(1_000),
  locale: locale.optional(),
});
export const passwordSchema = z.object({ password: text(1_000) });
export const changePasswordSchema = z.object({ current: text(1_000), password: text(1_000) });
export const profileSchema = z.object({ name: text(1_000), locale });
export const inviteSchema = z.object({ email: text(400), role: z.enum(roles), locale });
export const roleSchema = z.object({ role: z.enum(roles) });

export type AccountError =
  | NameError
  | PasswordError
  | InviteError
  | 'CurrentPasswordWrong'
  | 'CurrentPasswordThrottled';

const errorKeys: Record<AccountError, MessageKey> = {
  NameRequired: 'account.error.NameRequired',
  NameTooLong: 'account.error.NameTooLong',
  NameInvalid: 'account.error.NameInvalid',
  PasswordRequired: 'account.error.PasswordRequired',
  PasswordTooShort: 'account.error.PasswordTooShort',
  PasswordTooLong: 'account.error.PasswordTooLong',
  PasswordIsEmail: 'account.error.PasswordIsEmail',
  EmailRequired: 'account.error.EmailRequired',
  EmailInvalid: 'account.error.EmailInvalid',
  EmailTooLong: 'account.error.EmailTooLong',
  CurrentPasswordWrong: 'account.error.CurrentPasswordWrong',
  CurrentPasswordThrottled: 'account.error.CurrentPasswordThrottled',
};

export function errorText(tr: Translator, error: AccountError | undefined): string | undefined {
  const max = error === 'NameTooLong' ? nameMax : passwordLimits.max;
  return error && tr.t(errorKeys[error], { min: passwordLimits.min, max });
}
