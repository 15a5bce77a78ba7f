// "Send a test message to me": the page shows, for a chosen target, the letter delivery would send
// (campaigns:read), and its button puts the same letter in the outbox for the signed-in editor, marked as a
// test (campaigns:edit). The letter is written by delivery's own template and translator.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../domain/account/permissions.js';
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import {
  previewTestMessage,
  sendTestMessage,
  type TestMailer,
  type TestMessageResult,
} from '../../../domain/campaign/test-message.js';
import { isolate, translatorFor } from '../../../i18n/translator.js';
import { jobKinds, newJob } from '../../../jobs/kinds.js';
import { targetLetter } from '../../../mail/templates/target-letter.email.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { editorPage } from '../pages.js';
import { campaignOf, edit, idPattern, read } from '../roster-routes.js';
import type { TargetEditorDeps } from './deps.js';
import { testForm } from './targets.schema.js';
import { TestMessagePage } from './test-message-page.js';

export function testMessageRoutes(app: FastifyInstance, deps: TargetEditorDeps): void {
  const base = (slug: string) => `/editor/campaigns/${slug}/targets`;
  const mailer: TestMailer = {
    letter: (texts, signature) =>
      targetLetter({ texts, signature, siteName: deps.mail.siteName }, translatorFor(texts.locale)),
    testSubject: (locale, subject) => translatorFor(locale).t('targets.test.subjectMark', { subject }),
    job: (mail) => newJob(jobKinds.sendEmail, mail),
  };
  const testDeps = { targets: deps.targets, mailer, mailFrom: deps.mail.from, clock: deps.clock };

  const editorOf = (req: FastifyRequest) => {
    const u = req.account!.user;
    return { id: u.id, email: u.email, name: u.name, locale: u.locale };
  };

  function showTest(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: RosterCampaign,
    result: TestMessageResult,
    status = 200,
  ) {
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    const t = req.tr.t;
    const sent = (req.query as { done?: unknown } | undefined)?.done === 'sent';
    return sendPage(
      reply,
      <TestMessagePage
        {...editorPage(req, deps.site)}
        campaign={campaign}
        canSend={can(req.account!.user.role, 'campaigns:edit')}
        targets={result.status === 'ok' ? result.targets : []}
        message={result.status === 'ok' ? result.message : undefined}
        empty={
          result.status === 'no_targets'
            ? t('targets.test.noTargets')
            : result.status === 'no_texts'
              ? t('targets.test.noTexts')
              : undefined
        }
        notice={sent ? t('targets.test.sent', { email: isolate(req.account!.user.email) }) : undefined}
      />,
      status,
    );
  }

  app.get('/editor/campaigns/:slug/targets/test', read, async (req, reply) => {
    const campaign = await campaignOf(req, reply, deps.site, deps.targets);
    if (!campaign) return;
    const chosen = (req.query as { target?: unknown } | undefined)?.target;
    if (chosen !== undefined && (typeof chosen !== 'string' || !idPattern.test(chosen))) {
      return sendError(req, reply, deps.site, 404);
    }
    const result = await previewTestMessage(testDeps, editorOf(req), {
      slug: campaign.slug,
      targetId: chosen === undefined ? undefined : Number(chosen),
    });
    return showTest(req, reply, campaign, result);
  });

  app.post('/editor/campaigns/:slug/targets/test', edit, async (req, reply) => {
    const campaign = await campaignOf(req, reply, deps.site, deps.targets);
    if (!campaign) return;
    const form = readForm(req, reply, deps, testForm);
    if (!form) return reply;
    const targetId = Number(form.targetId);
    const result = await sendTestMessage(testDeps, editorOf(req), { slug: campaign.slug, targetId });
    if (result.status !== 'ok') return showTest(req, reply, campaign, result, 422);
    return reply.redirect(`${base(campaign.slug)}/test?target=${targetId}&done=sent`, 303);
  });
}
