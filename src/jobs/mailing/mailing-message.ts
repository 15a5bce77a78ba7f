// One mailing's mail to one recipient, as the transport takes it: the language version compiled once per
// (mailing, language) and cached for the mailing's run, the recipient's name and list token joined in (into
// its text and HTML, and into the parts MIME-encoded once per version: mail/encoded-part.ts), and
// the headers of supporter mail: RFC 8058 one-click unsubscribe (https and mailto, signed by DKIM with the
// rest: mail/mime.ts), `Precedence: bulk`, a Message-ID that is the same for the same (mailing, recipient)
// on every attempt and in every worker, and a VERP envelope sender naming the queue row.

import { addressDomain } from '../../domain/delivery/delivery.js';
import type {
  MailingContent,
  MailingQueue,
  ReservedRecipient,
} from '../../domain/mailing/mailing-queue.ports.js';
import { siteBase } from '../../domain/shared/site-url.js';
import {
  type CompiledMailing,
  compileMailing,
  endMailingCompiler,
} from '../../mail/templates/mailing.email.js';
import type { OutgoingMail } from '../../mail/transport.js';
import { recipientBounceAddress } from '../../security/bounce-address.js';
import { listLinks, listToken } from '../../security/list-token.js';

export interface MailingSite {
  name: string;
  /** BASE_URL: every link in the mail starts with it. */
  baseUrl: string;
  mailFrom: string;
  /** APP_SECRET: list tokens and bounce addresses are MACs made with it. */
  secret: string;
}

/** How many other live campaigns a mailing lists. */
export const otherCampaignsShown = 5;

/** `<mailing.<mailing id>.<recipient id>@<our domain>>`: a resend of the same mail would carry the same id. */
export function mailingMessageId(mailingId: number, recipientId: number, mailFrom: string): string {
  return `<mailing.${mailingId}.${recipientId}@${addressDomain(mailFrom)}>`;
}

/** A mailing's language versions, each compiled at its first recipient and reused for the rest. */
export class MailingVersions {
  private readonly compiled = new Map<string, Promise<CompiledMailing>>();

  constructor(
    private readonly content: MailingContent,
    private readonly store: Pick<MailingQueue, 'liveCampaigns'>,
    private readonly site: MailingSite,
  ) {}

  /**
   * Compiles the versions of every language still to be sent to, then ends the compiler, before the first
   * send: MJML's thread and the sending never share the process's memory. A failed compilation is left to
   * its first recipient, which tries again.
   */
  async prepare(): Promise<void> {
    await Promise.allSettled(this.content.recipientLocales.map((l) => this.version(l)));
    await endMailingCompiler();
  }

  /** The version for a recipient's language: theirs when published, else the source (with a note). */
  version(locale: string): Promise<CompiledMailing> {
    let hit = this.compiled.get(locale);
    if (!hit) {
      hit = this.compile(locale);
      // A failed compilation is not cached: the next recipient tries again.
      hit.catch(() => this.compiled.delete(locale));
      this.compiled.set(locale, hit);
    }
    return hit;
  }

  private async compile(locale: string): Promise<CompiledMailing> {
    const own = this.content.translations.get(locale);
    const texts = own ?? this.content.source;
    const base = siteBase(this.site.baseUrl);
    const others = await this.store.liveCampaigns(locale, this.content.campaignId, otherCampaignsShown);
    return compileMailing({
      mailingId: this.content.id,
      locale,
      textLocale: own ? locale : this.content.sourceLocale,
      subject: texts.subject,
      preheader: texts.preheader,
      bodyMd: texts.bodyMd,
      otherCampaigns: others.map((c) => ({
        headline: c.headline,
        url: `${base}/${c.locale}/campaigns/${encodeURIComponent(c.slug)}`,
      })),
      site: { name: this.site.name, baseUrl: base },
    });
  }
}

export function mailingMessage(
  compiled: CompiledMailing,
  recipient: ReservedRecipient,
  site: MailingSite,
): OutgoingMail {
  const token = listToken(recipient.supporterId, site.secret);
  const parts = { name: recipient.name, token };
  const rendered = compiled.render(parts);
  const links = listLinks(site.baseUrl, recipient.locale, token);
  const ourDomain = addressDomain(site.mailFrom);
  return {
    from: { name: site.name, address: site.mailFrom },
    to: [{ name: recipient.name, address: recipient.email }],
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    // What is built and sent: the same text, encoded once per language version but for the name and token.
    encoded: compiled.encode(parts),
    messageId: mailingMessageId(recipient.mailingId, recipient.id, site.mailFrom),
    envelopeFrom: recipientBounceAddress(recipient.id, site.secret, site.mailFrom),
    headers: {
      'List-Unsubscribe': `<${links.unsubscribe}>, <mailto:unsubscribe+${token}@${ourDomain}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Asks auto-responders (RFC 3834) and vacation replies to stay quiet. Not `Auto-Submitted`: a
      // mailing is written by a person, not generated by the system.
      Precedence: 'bulk',
      'Content-Language': compiled.textLocale,
    },
  };
}
