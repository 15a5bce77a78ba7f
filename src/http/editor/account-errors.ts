// The account use cases' errors as sentences, for the pages that show them: the invitation and password
// reset (auth/), the account page (account/) and the invitation form (users/).
import { type NameError, nameMax, type PasswordError, passwordLimits } from '../../domain/account/account.js';
import type { InviteError } from '../../domain/account/invite-user.js';
import type { StringKey, Translator } from '../../i18n/translator.js';

export type AccountError =
  | NameError
  | PasswordError
  | InviteError
  | 'CurrentPasswordWrong'
  | 'CurrentPasswordThrottled';

const errorKeys: Record<AccountError, StringKey> = {
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
