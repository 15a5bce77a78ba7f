// Names and rules of the editor's cookies and redirects, shared by the gate and the login routes.

export const loginPath = '/editor/login';

export function cookieNames(secure: boolean) {
  // The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and for path /.
  return secure
    ? { session: '__Host-outcry_session', preLogin: '__Host-outcry_csrf' }
    : { session: 'outcry_session', preLogin: 'outcry_csrf' };
}

export function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

/** A path inside the editor to return to after login; anything else (other sites, `//host`) is dropped. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/editor(\/[^\\?]*)?(\?[^\\]*)?$/.test(next) && !next.includes('//')
    ? next
    : undefined;
}
