// Sends the confirmation or thank-you mail for one signature. Composed at send time from the signature's
// current state: a confirm mail for a signature confirmed in the meantime is skipped, not sent.
import type { Config } from '../../config/config.js';
import { chooseTexts } from '../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../domain/campaign/campaign.ports.js';
import type { SignatureMailPayload } from '../../domain/signature/signature.js';
import type { SignatureMailReader } from '../../domain/signature/signature.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import { signatureMail } from '../../mail/templates/signature-mail.js';
import type { MailTransport } from '../../mail/transport.js';
import { statusToken } from '../../security/status-token.js';
import { PermanentJobError } from '../worker.js';

export interface SignatureMailDeps {
  mail: MailTransport;
  config: Config;
  campaigns: CampaignReader;
  signatures: SignatureMailReader;
}

function isPayload(p: unknown): p is SignatureMailPayload {
  const o = p as Partial<SignatureMailPayload> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.signatureId === 'number' &&
    (o.mail === 'confirm' || o.mail === 'thank') &&
    (o.token === undefined || typeof o.token === 'string')
  );
}

export function sendSignatureMailTask(deps: SignatureMailDeps) {
  return async (payload: unknown): Promise<void> => {
    if (!isPayload(payload)) throw new PermanentJobError('invalid send-signature-mail payload');
    const signature = await deps.signatures.forMail(payload.signatureId);
    // Erased or deleted since: nothing to send.
    if (!signature) return;
    if (payload.mail === 'confirm' && signature.status !== 'pending' && signature.status !== 'held') return;
    if (payload.mail === 'confirm' && !payload.token)
      throw new PermanentJobError('confirm mail without token');
    const campaign = await deps.campaigns.findBySlug(signature.campaignSlug);
    const chosen = campaign && chooseTexts(campaign, signature.locale);
    if (!chosen) throw new PermanentJobError(`campaign ${signature.campaignSlug} has no published text`);
    const base = deps.config.BASE_URL;
    const link =
      payload.mail === 'confirm'
        ? `${base}/${signature.locale}/confirm/${payload.token}`
        : `${base}/${chosen.texts.locale}/campaigns/${signature.campaignSlug}`;
    await deps.mail.send(
      signatureMail({
        kind: payload.mail,
        tr: translatorFor(signature.locale),
        texts: chosen.texts,
        to: { name: signature.name, address: signature.email },
        from: { name: deps.config.SITE_NAME, address: deps.config.MAIL_FROM },
        siteName: deps.config.SITE_NAME,
        link,
        ...(payload.mail === 'thank' && campaign.deliveryMode !== 'petition_only'
          ? {
              statusLink: `${base}/${signature.locale}/status/${statusToken(payload.signatureId, deps.config.APP_SECRET)}`,
            }
          : {}),
      }),
    );
  };
}
