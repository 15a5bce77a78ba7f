// Translated names of roles, account and campaign states and audit actions, and dates and sizes in the
// reader's language, shared by the editor pages and the account mail.
import type { UserStatus } from '../../../domain/account/account.js';
import type { Role } from '../../../domain/account/permissions.js';
import type { CampaignStatus } from '../../../domain/campaign/campaign.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';

export const roleKeys: Record<Role, StringKey> = {
  admin: 'account.role.admin',
  editor: 'account.role.editor',
  translator: 'account.role.translator',
  partner: 'account.role.partner',
};

export const statusKeys: Record<UserStatus, StringKey> = {
  invited: 'account.status.invited',
  active: 'account.status.active',
  disabled: 'account.status.disabled',
};

export const campaignStatusKeys: Record<CampaignStatus, StringKey> = {
  draft: 'lifecycle.status.draft',
  in_review: 'lifecycle.status.inReview',
  live: 'lifecycle.status.live',
  closed: 'lifecycle.status.closed',
};

const actionKeys: Record<string, StringKey> = {
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
  'user.campaign_attached': 'editor.audit.action.userCampaignAttached',
  'user.campaign_detached': 'editor.audit.action.userCampaignDetached',
  'user.languages_changed': 'editor.audit.action.userLanguagesChanged',
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
  'campaign.texts_edited': 'editor.audit.action.campaignTextsEdited',
  'campaign.settings_changed': 'editor.audit.action.campaignSettingsChanged',
  'petition.signer_hidden': 'editor.audit.action.petitionSignerHidden',
  'petition.signer_shown': 'editor.audit.action.petitionSignerShown',
  'petition.exported': 'editor.audit.action.petitionExported',
  'campaign.photo_changed': 'editor.audit.action.campaignPhotoChanged',
  'campaign.photo_removed': 'editor.audit.action.campaignPhotoRemoved',
  'campaign.update_posted': 'editor.audit.action.campaignUpdatePosted',
  'campaign.update_edited': 'editor.audit.action.campaignUpdateEdited',
  'campaign.update_deleted': 'editor.audit.action.campaignUpdateDeleted',
  'campaign.successor_set': 'editor.audit.action.campaignSuccessorSet',
  'campaign.successor_cleared': 'editor.audit.action.campaignSuccessorCleared',
  'target.added': 'editor.audit.action.targetAdded',
  'target.copy_added': 'editor.audit.action.targetCopyAdded',
  'target.changed': 'editor.audit.action.targetChanged',
  'target.removed': 'editor.audit.action.targetRemoved',
  'target.copy_removed': 'editor.audit.action.targetCopyRemoved',
  'target.moved': 'editor.audit.action.targetMoved',
  'targets.imported': 'editor.audit.action.targetsImported',
  'target.test_message_sent': 'editor.audit.action.targetTestMessageSent',
  'partner.added': 'editor.audit.action.partnerAdded',
  'partner.changed': 'editor.audit.action.partnerChanged',
  'partner.removed': 'editor.audit.action.partnerRemoved',
  'partner.moved': 'editor.audit.action.partnerMoved',
  'campaign.created': 'editor.audit.action.campaignCreated',
  'campaign_request.received': 'editor.audit.action.requestReceived',
  'campaign_request.approved': 'editor.audit.action.requestApproved',
  'campaign_request.changes_requested': 'editor.audit.action.requestChangesRequested',
  'campaign_request.declined': 'editor.audit.action.requestDeclined',
  'campaign_request.endorsement_added': 'editor.audit.action.requestEndorsementAdded',
  'campaign_request.endorsement_removed': 'editor.audit.action.requestEndorsementRemoved',
  'partnership_terms.saved': 'editor.audit.action.termsSaved',
  'signature.released': 'editor.audit.action.signatureReleased',
  'signature.discarded': 'editor.audit.action.signatureDiscarded',
  'supporter.exported': 'editor.audit.action.supporterExported',
  'supporter.erased': 'editor.audit.action.supporterErased',
  'retention.purged': 'editor.audit.action.retentionPurged',
  'mailing.created': 'editor.audit.action.mailingCreated',
  'mailing.saved': 'editor.audit.action.mailingSaved',
  'mailing.scheduled': 'editor.audit.action.mailingScheduled',
  'mailing.sending': 'editor.audit.action.mailingSending',
  'mailing.paused': 'editor.audit.action.mailingPaused',
  'mailing.cancelled': 'editor.audit.action.mailingCancelled',
  'mailing.tested': 'editor.audit.action.mailingTested',
};

/** The action in words when we have them; otherwise its code (actions added by later features). */
export function actionLabel(tr: Translator, action: string): string {
  const key = Object.hasOwn(actionKeys, action) ? actionKeys[action] : undefined;
  return key ? tr.t(key) : action;
}

const entityKeys: Record<string, StringKey> = {
  user: 'editor.audit.entity.user',
  supporter: 'editor.audit.entity.supporter',
  retention: 'editor.audit.entity.retention',
  target: 'editor.audit.entity.target',
  partner: 'editor.audit.entity.partner',
  campaign_request: 'editor.audit.entity.campaignRequest',
  partnership_terms: 'editor.audit.entity.partnershipTerms',
  signature: 'editor.audit.entity.signature',
  mailing: 'editor.audit.entity.mailing',
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

/** "1 MB" in the reader's language. */
export const megabytes = (tr: Translator, bytes: number) =>
  new Intl.NumberFormat(tr.locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / 1_000_000,
  );
