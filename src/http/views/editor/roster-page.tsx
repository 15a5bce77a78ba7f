// The top of the targets, import, test message and partners pages: where "back" leads, the page's title,
// and the campaign it belongs to (its headline in its own direction, or its slug before it has one).
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';

export function RosterHeading(p: {
  back: { href: string; label: string };
  title: string;
  campaign: RosterCampaign;
}) {
  return (
    <>
      <p>
        <a href={p.back.href}>{p.back.label}</a>
      </p>
      <h1>{p.title}</h1>
      <p class="roster-campaign" dir="auto">
        {p.campaign.headline ?? p.campaign.slug}
      </p>
    </>
  );
}
