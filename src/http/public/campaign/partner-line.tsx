// "In partnership with ITUC, IndustriALL and KNPRK": one translated sentence whose partner names are
// links (or logos). The sentence is split around its {partners} placeholder and the list is built from
// Intl.ListFormat parts, so word order and conjunctions stay the translator's and the language's.
import type { Partner } from '../../../domain/campaign/campaign.js';
import type { Translator } from '../../../i18n/translator.js';

const marker = '\u0001';

function PartnerName({ partner }: { partner: Partner }) {
  const label = partner.logoPath ? (
    <img class="partner-logo" src={partner.logoPath} alt={partner.name} height={32} />
  ) : (
    <bdi>{partner.name}</bdi>
  );
  return partner.url ? (
    <a href={partner.url} rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    label
  );
}

export function PartnerLine({ tr, partners }: { tr: Translator; partners: Partner[] }) {
  if (partners.length === 0) return null;
  const [before = '', after = ''] = tr.t('campaign.partnership', { partners: marker }).split(marker);
  const parts = new Intl.ListFormat(tr.locale, { type: 'conjunction' }).formatToParts(
    partners.map((_, i) => String(i)),
  );
  return (
    <p class="partners" lang={tr.locale} dir={tr.dir}>
      {before}
      {parts.map((part, i) =>
        part.type === 'element' ? (
          <PartnerName key={i} partner={partners[Number(part.value)]!} />
        ) : (
          part.value
        ),
      )}
      {after}
    </p>
  );
}
