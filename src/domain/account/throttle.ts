// How many failed logins and mail requests we accept before saying "wait": per network (IP key, so a
// workplace behind one NAT is not locked out by a single person) and per account (so one address cannot
// be guessed at from many networks). A locked account can still log in through an emailed link.
import type { LoginThrottle } from './account.ports.js';

export const throttleWindowMs = 15 * 60_000;

export const throttleLimits = {
  loginPerAccount: 10,
  loginPerIp: 50,
  mailPerAccount: 3,
  mailPerIp: 20,
} as const;

export const throttleKeys = {
  loginIp: (ip: string) => `login-ip:${ip}`,
  loginAccount: (email: string) => `login-account:${email}`,
  mailIp: (ip: string) => `mail-ip:${ip}`,
  mailAccount: (email: string) => `mail-account:${email}`,
};

export async function isOver(throttle: LoginThrottle, key: string, limit: number, now: number) {
  return (await throttle.count(key, now - throttleWindowMs)) >= limit;
}

/**
 * The form of an address used as a key and for lookups: trimmed, NFC and lower case. Input no account's
 * address can have (a control character, more than 320 characters) becomes '', which matches no account;
 * PostgreSQL would refuse a NUL in text outright, and the forms must answer as for any unknown address.
 */
export function accountEmail(input: string): string {
  const email = input.normalize('NFC').trim().toLowerCase();
  if (email.length > 320) return '';
  for (const ch of email) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '';
  }
  return email;
}
