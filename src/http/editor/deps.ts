// What the editor routes need, assembled in app.ts from AppDeps: the account stores and the crypto
// adapters behind the account use cases, the audit log reader, and the cookie settings.
import type {
  AccountDeps,
  AccountStore,
  AuditReader,
  LoginThrottle,
} from '../../domain/account/account.ports.js';
import type { AccountScopeStore } from '../../domain/account/account-scopes.js';
import type { Clock } from '../../domain/shared/clock.js';
import { confirmationTokens } from '../../security/confirmation-token.js';
import { newCsrfSecret } from '../../security/csrf.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import type { SiteInfo } from '../views/layout.js';

export interface AccountAdapters {
  store: AccountStore;
  throttle: LoginThrottle;
  audit: AuditReader;
}

export interface EditorDeps {
  site: SiteInfo;
  accounts: AccountDeps;
  audit: AuditReader;
  /** Which campaigns partner accounts are attached to and which languages translators work in. */
  scopes: AccountScopeStore;
  /** Keys CSRF tokens and IP keys. */
  secret: string;
  baseUrl: string;
  /** Cookies get `Secure` (and the `__Host-` prefix) when the site is served over https. */
  secureCookies: boolean;
}

let dummyHash: Promise<string> | undefined;

/** argon2id; an unknown account is checked against a dummy hash so it takes as long as a real one. */
export const argon2Passwords = {
  hash: hashPassword,
  async verify(stored: string | null, password: string): Promise<boolean> {
    if (stored !== null) return verifyPassword(stored, password);
    dummyHash ??= hashPassword('no account has this password');
    await verifyPassword(await dummyHash, password);
    return false;
  },
};

export const secretTokens = {
  create: () => confirmationTokens.confirmationToken(),
  hash: (token: string) => confirmationTokens.hash(token),
  secret: newCsrfSecret,
};

export function editorDeps(
  adapters: AccountAdapters,
  options: { site: SiteInfo; clock: Clock; secret: string; baseUrl: string; scopes: AccountScopeStore },
): EditorDeps {
  return {
    site: options.site,
    accounts: {
      store: adapters.store,
      throttle: adapters.throttle,
      passwords: argon2Passwords,
      tokens: secretTokens,
      clock: options.clock,
    },
    audit: adapters.audit,
    scopes: options.scopes,
    secret: options.secret,
    baseUrl: options.baseUrl,
    secureCookies: options.baseUrl.startsWith('https://'),
  };
}
