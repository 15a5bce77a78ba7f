// The scheduled half of the campaign lifecycle: every few minutes, close the live campaigns whose end date
// has passed (audited with no actor, like a person closing them; the final dossier asked for with it), and a week before a campaign's end date
// put one reminder per admin and editor, in their own language, in the outbox — once per end date, because
// marking the campaign and writing the mails commit together.
import type { Config } from '../../config/config.js';
import type { CampaignLifecycleStore } from '../../domain/campaign/campaign.ports.js';
import { closeCampaign } from '../../domain/campaign/close-campaign.js';
import {
  hasEnded,
  type LifecycleCampaign,
  needsReminder,
  reminderLeadMs,
} from '../../domain/campaign/lifecycle.js';
import type { Clock } from '../../domain/shared/clock.js';
import { translatorFor } from '../../i18n/translator.js';
import { campaignReminderEmail } from '../../mail/templates/campaign-reminder.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { type JobPayload, jobKinds, newJob } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import { siteLinks, siteSender } from '../site.js';
import type { WorkerLogger } from '../worker.js';

export interface CampaignLifecycleJobDeps {
  campaigns: CampaignLifecycleStore;
  clock: Clock;
  /** The dossier retention setting: how long the final dossier a close asks for is kept. */
  dossierRetentionDays(): Promise<number>;
  config: Pick<Config, 'BASE_URL' | 'SITE_NAME' | 'MAIL_FROM'>;
  logger?: WorkerLogger;
}

function reminderMails(
  deps: CampaignLifecycleJobDeps,
  campaign: LifecycleCampaign,
  recipients: { name: string; email: string; locale: string }[],
): { kind: string; payload: JobPayload<typeof jobKinds.sendEmail> }[] {
  const { config } = deps;
  const site = siteLinks(config);
  return recipients.map((user) => {
    const tr = translatorFor(user.locale);
    const text = campaignReminderEmail(
      {
        recipient: user,
        campaign: { slug: campaign.slug, headline: campaign.headline, endsAt: campaign.endsAt! },
        site,
      },
      tr,
    );
    return newJob(
      jobKinds.sendEmail,
      siteMail(siteSender(config), { name: user.name, address: user.email }, tr, text),
    );
  });
}

/** One run: close what has ended, then remind about what ends within a week. */
export async function runCampaignLifecycle(
  deps: CampaignLifecycleJobDeps,
): Promise<{ closed: string[]; reminded: string[] }> {
  const now = deps.clock.now();
  const closed: string[] = [];
  const ended = (await deps.campaigns.ended(now)).filter((c) => hasEnded(c, now));
  for (const campaign of ended) {
    const closing = {
      campaigns: deps.campaigns,
      clock: deps.clock,
      dossierRetentionDays: deps.dossierRetentionDays,
    };
    const result = await closeCampaign(closing, null, {
      slug: campaign.slug,
    });
    if (result.status === 'ok') closed.push(campaign.slug);
    else deps.logger?.warn({ slug: campaign.slug, result }, 'campaign past its end date was not closed');
  }
  const reminded: string[] = [];
  const due = (await deps.campaigns.remindersDue(now, reminderLeadMs)).filter((c) => needsReminder(c, now));
  if (due.length > 0) {
    const recipients = await deps.campaigns.reminderRecipients();
    for (const campaign of due) {
      const mails = reminderMails(deps, campaign, recipients);
      if (await deps.campaigns.markReminded(campaign.id, campaign.endsAt!, mails, now)) {
        reminded.push(campaign.slug);
      }
    }
  }
  if (closed.length > 0 || reminded.length > 0) {
    deps.logger?.info({ closed, reminded }, 'campaign lifecycle');
  }
  return { closed, reminded };
}

export function campaignLifecycleJobs(deps: CampaignLifecycleJobDeps): RecurringJob[] {
  return [
    {
      kind: jobKinds.campaignLifecycle,
      everyMs: 5 * 60_000,
      run: () => runCampaignLifecycle(deps),
    },
  ];
}
