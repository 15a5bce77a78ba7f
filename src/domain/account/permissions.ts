// Who may do what in the editor area. Every permission is a `resource:action` string and every role a fixed
// set of them; this module is the only place that grants one. Editor routes declare the permission they
// need and a test walks every route as every role, so a new route cannot forget to ask.
export const roles = ['admin', 'editor', 'translator', 'partner'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Open the editor area at all: the start page and one's own account. */
  'editor:enter',
  'account:edit-own',
  /** Invite people, change roles, disable accounts, revoke sessions. */
  'users:manage',
  'audit:read',
  'settings:manage',
  'campaigns:read',
  'campaigns:edit',
  'campaigns:publish',
  'requests:review',
  'mailings:send',
  'supporters:export',
  /** Erase a supporter's data on their request received by post or email (audited). */
  'supporters:erase',
  'translations:edit',
  'translations:review',
  /** Read-only reports on the campaigns a partner is attached to. */
  'reports:read',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['editor:enter', 'account:edit-own'];

/** What only an admin may do: everything else in the editor area is an editor's too. */
const adminOnly: Permission[] = ['users:manage', 'audit:read', 'settings:manage'];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  editor: permissions.filter((p) => !adminOnly.includes(p)),
  // Which languages a translator may touch is decided per language by the translation feature.
  translator: [...everyone, 'campaigns:read', 'translations:edit'],
  partner: [...everyone, 'reports:read'],
};

export const rolePermissions: Readonly<Record<Role, ReadonlySet<Permission>>> = Object.freeze({
  admin: new Set(grants.admin),
  editor: new Set(grants.editor),
  translator: new Set(grants.translator),
  partner: new Set(grants.partner),
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
