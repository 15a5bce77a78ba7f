// Translated names of roles, account states and audit actions, shared by the editor pages and the
// account mail.
import type { UserStatus } from '../../../domain/account/account.js';
import type { Role } from '../../../domain/account/permissions.js';
import type { MessageKey, Translator } from '../../../i18n/translator.js';

export const roleKeys: Record<Role, MessageKey> = {
  admin: 'account.role.admin',
  editor: 'account.role.editor',
  translator: 'account.role.translator',
  partner: 'account.role.partner',
};

export const statusKeys: Record<UserStatus, MessageKey> = {
  invited: 'account.status.invited',
  active: 'account.status.active',
  disabled: 'account.status.disabled',
};

const actionKeys: Record<string, MessageKey> = {
  'session.started': 'editor.audit.action.sessionStarted',
  'session.ended': 'editor.audit.action.sessionEnded',
  'user.invited': 'editor.audit.action.userInvited',
  'user.invitation_accepted': 'editor.audit.action.userInvitationAccepted',
  'user.password_reset': 'editor.audit.action.userPasswordReset',
  'user.password_changed': 'editor.audit.action.userPasswordChanged',
  'user.profile_changed': 'editor.audit.action.userProfileChanged',
  'user.role_changed': 'editor.audit.action.userRoleChanged',
  'user.disabled': 'editor.audit.action.userDisabled',
  'user.enabled': 'editor.audit.action.userEnabled',
  'user.sessions_revoked': 'editor.audit.action.userSessionsRevoked',
  'user.created_from_cli': 'editor.audit.action.userCreatedFromCli',
  'user.password_set_from_cli': 'editor.audit.action.userPasswordSetFromCli',
  'campaign.submitted': 'editor.audit.action.campaignSubmitted',
  'campaign.sent_back': 'editor.audit.action.campaignSentBack',
  'campaign.launched': 'editor.audit.action.campaignLaunched',
  'campaign.extended': 'editor.audit.action.campaignExtended',
  'campaign.closed': 'editor.audit.action.campaignClosed',
  'campaign.reopened': 'editor.audit.action.campaignReopened',
  'target.paused': 'editor.audit.action.targetPaused',
  'target.resumed': 'editor.audit.action.targetResumed',
  'target.address_replaced': 'editor.audit.action.targetAddressReplaced',
  'target.unknown_resent': 'editor.audit.action.targetUnknownResent',
  'mail_domain.resumed': 'editor.audit.action.mailDomainResumed',
};

/** The action in words when we have them; otherwise its code (actions added by later features). */
export function actionLabel(tr: Translator, action: string): string {
  const key = Object.hasOwn(actionKeys, action) ? actionKeys[action] : undefined;
  return key ? tr.t(key) : action;
}

const entityKeys: Record<string, MessageKey> = {
  user: 'editor.audit.entity.user',
};

/** The kind of thing changed, in words when we have them; otherwise its code. */
export function entityLabel(tr: Translator, entityType: string): string {
  const key = Object.hasOwn(entityKeys, entityType) ? entityKeys[entityType] : undefined;
  return key ? tr.t(key) : entityType;
}

/** Date and time in UTC, in the interface language. */
export function dateTime(tr: Translator, ms: number): string {
  return `${new Intl.DateTimeFormat(tr.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ms)} UTC`;
}
