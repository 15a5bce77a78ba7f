// What the editor routes need, assembled in app.ts from AppDeps: the account stores and the crypto
// adapters behind the account use cases (chosen in main.ts), the audit log reader, and the cookie settings.
import type {
  AccountDeps,
  AccountStore,
  AuditReader,
  LoginThrottle,
  PasswordHasher,
  SecretTokens,
} from '../../domain/account/account.ports.js';
import type { AccountScopeStore } from '../../domain/account/account-scopes.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { SiteInfo } from '../views/layout.js';

export interface AccountAdapters {
  store: AccountStore;
  throttle: LoginThrottle;
  audit: AuditReader;
  passwords: PasswordHasher;
  tokens: SecretTokens;
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

export function editorDeps(
  adapters: AccountAdapters,
  options: { site: SiteInfo; clock: Clock; secret: string; baseUrl: string; scopes: AccountScopeStore },
): EditorDeps {
  return {
    site: options.site,
    accounts: {
      store: adapters.store,
      throttle: adapters.throttle,
      passwords: adapters.passwords,
      tokens: adapters.tokens,
      clock: options.clock,
    },
    audit: adapters.audit,
    scopes: options.scopes,
    secret: options.secret,
    baseUrl: options.baseUrl,
    secureCookies: options.baseUrl.startsWith('https://'),
  };
}
