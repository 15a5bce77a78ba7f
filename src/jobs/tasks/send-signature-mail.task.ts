// Sends the confirmation or thank-you mail for one signature. Composed at send time from the signature's
// current state: a confirm mail for a signature confirmed in the meantime is skipped, not sent. The text is
// mail/templates/signature.email.ts.
import type { Config } from '../../config/config.js';
import { chooseTexts } from '../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../domain/campaign/campaign.ports.js';
import type { SignatureMailReader } from '../../domain/signature/signature.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { signatureEmail } from '../../mail/templates/signature.email.js';
import type { MailTransport } from '../../mail/transport.js';
import { statusToken } from '../../security/status-token.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteLinks, siteSender } from '../site.js';
import { PermanentJobError } from '../worker.js';

export interface SignatureMailDeps {
  mail: MailTransport;
  config: Config;
  campaigns: CampaignReader;
  signatures: SignatureMailReader;
}

export function sendSignatureMailTask(deps: SignatureMailDeps) {
  return async (input: unknown): Promise<void> => {
    const payload = payloadOf(jobKinds.sendSignatureMail, input);
    const signature = await deps.signatures.forMail(payload.signatureId);
    // Erased or deleted since: nothing to send.
    if (!signature) return;
    if (payload.mail === 'confirm' && signature.status !== 'pending' && signature.status !== 'held') return;
    if (payload.mail === 'confirm' && !payload.token)
      throw new PermanentJobError('confirm mail without token');
    const campaign = await deps.campaigns.findBySlug(signature.campaignSlug);
    const chosen = campaign && chooseTexts(campaign, signature.locale);
    if (!chosen) throw new PermanentJobError(`campaign ${signature.campaignSlug} has no published text`);
    const { config } = deps;
    const tr = translatorFor(signature.locale);
    const common = {
      name: signature.name,
      headline: chosen.texts.headline,
      locale: signature.locale,
      campaignLocale: chosen.texts.locale,
      campaignSlug: signature.campaignSlug,
      site: siteLinks(config),
    };
    const text = signatureEmail(
      payload.mail === 'confirm'
        ? { ...common, kind: 'confirm', token: payload.token! }
        : {
            ...common,
            kind: 'thank',
            ...(campaign.deliveryMode !== 'petition_only'
              ? { statusToken: statusToken(payload.signatureId, config.APP_SECRET) }
              : {}),
          },
      tr,
    );
    await deps.mail.send(
      siteMail(siteSender(config), { name: signature.name, address: signature.email }, tr, text),
    );
  };
}
