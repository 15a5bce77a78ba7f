// The head of every page about one campaign in the editor (held signatures, statistics, petition,
// dossiers): a link back to the campaign, the page's title, and the campaign's headline under it.
import { isolate, type Translator } from '../../../i18n/translator.js';
import { BackLink } from './editor-layout.js';

/** Back link to the campaign's page, the title as the page's h1, then the headline (or the slug). */
export function CampaignHeading(props: {
  tr: Translator;
  campaign: { slug: string; headline?: string | null | undefined };
  title: string;
}) {
  const { slug } = props.campaign;
  const headline = props.campaign.headline ?? slug;
  return (
    <>
      <BackLink href={`/editor/campaigns/${slug}`}>
        {props.tr.t('held.back', { campaign: isolate(headline) })}
      </BackLink>
      <h1>{props.title}</h1>
      <p class="lead" dir="auto">
        {headline}
      </p>
    </>
  );
}
