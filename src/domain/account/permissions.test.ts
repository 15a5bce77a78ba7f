// The role matrix as the issue states it: admins everything, editors campaigns/mailings/exports,
// translators translations, partners read-only reports; nobody but admins manages people or reads the
// audit log.
import { describe, expect, it } from 'vitest';
import { checkName, checkPassword } from './account.js';
import { can, isRole, permissions, rolePermissions, roles } from './permissions.js';

describe('permissions', () => {
  it('are resource:action strings', () => {
    for (const p of permissions) expect(p).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('give admins everything', () => {
    for (const p of permissions) expect(can('admin', p)).toBe(true);
  });

  it.each([
    ['users:manage', ['admin']],
    ['audit:read', ['admin']],
    ['settings:manage', ['admin']],
    ['campaigns:publish', ['admin', 'editor']],
    ['supporters:export', ['admin', 'editor']],
    ['mailings:send', ['admin', 'editor']],
    ['translations:edit', ['admin', 'editor', 'translator']],
    ['reports:read', ['admin', 'editor', 'partner']],
    ['editor:enter', ['admin', 'editor', 'translator', 'partner']],
  ] as const)('grant %s to %j only', (permission, allowed) => {
    expect(roles.filter((r) => can(r, permission))).toEqual(allowed);
  });

  it('know nothing of unknown roles', () => {
    expect(isRole('owner')).toBe(false);
    expect(isRole('admin')).toBe(true);
    expect(can('owner' as 'admin', 'editor:enter')).toBe(false);
    expect(Object.isFrozen(rolePermissions)).toBe(true);
  });
});

describe('account rules', () => {
  it.each([
    ['', 'PasswordRequired'],
    ['short', 'PasswordTooShort'],
    ['x'.repeat(201), 'PasswordTooLong'],
    ['Ana@Example.org', 'PasswordIsEmail'],
    ['correct horse battery', undefined],
  ])('password %j → %s', (password, error) => {
    expect(checkPassword(password, 'ana@example.org')).toBe(error);
  });

  it('counts characters, not UTF-16 units, in passwords', () => {
    expect(checkPassword('🔑'.repeat(12), 'a@example.org')).toBeUndefined();
    expect(checkPassword('🔑'.repeat(11), 'a@example.org')).toBe('PasswordTooShort');
  });

  it('normalises names and refuses bidi overrides', () => {
    expect(checkName('  Ana   Souza ')).toEqual({ ok: true, name: 'Ana Souza' });
    expect(checkName('Ana \u202eazuoS')).toEqual({ ok: false, error: 'NameInvalid' });
    expect(checkName(' ')).toEqual({ ok: false, error: 'NameRequired' });
    expect(checkName('x'.repeat(101))).toEqual({ ok: false, error: 'NameTooLong' });
  });
});
