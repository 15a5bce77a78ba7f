// /editor/mailings: the list, the composer (templates per kind, the segment and its live size), the
// actions of the state machine (test to yourself, schedule, send now, pause, resume, cancel), the progress
// and report, and the preview in any language through the sender's renderer. Every route needs
// `mailings:send`; every change goes through one use case in domain/mailing/.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../../domain/account/account.js';
import { type CampaignWithContent, chooseTexts } from '../../../domain/campaign/campaign.js';
import type { CampaignReader } from '../../../domain/campaign/campaign.ports.js';
import { isLanguageTag } from '../../../domain/campaign/create-campaign.js';
import { createMailing } from '../../../domain/mailing/create-mailing.js';
import {
  inProgress,
  type MailingAction,
  type MailingKind,
  mailingKinds,
} from '../../../domain/mailing/mailing.js';
import type { MailingStore, MailingVersionReader } from '../../../domain/mailing/mailing.ports.js';
import { type MailingForm, mailingForm, readSegment } from '../../../domain/mailing/mailing-input.js';
import { nobody, previewInput } from '../../../domain/mailing/mailing-preview.js';
import { templateFacts, templateSegment } from '../../../domain/mailing/mailing-template.js';
import { moveMailing } from '../../../domain/mailing/move-mailing.js';
import { queueMailingTest } from '../../../domain/mailing/queue-mailing-test.js';
import { resumeMailingDomain } from '../../../domain/mailing/resume-mailing-domain.js';
import { saveMailing } from '../../../domain/mailing/save-mailing.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { StringKey } from '../../../i18n/translator.js';
import { translatorFor } from '../../../i18n/translator.js';
import { compileMailing } from '../../../mail/templates/mailing.email.js';
import { listToken } from '../../../security/list-token.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import {
  mailingSchema,
  scheduleSchema,
  segmentSchema,
  sendSchema,
  testSchema,
  utcTime,
} from './mailing.schema.js';
import { progressText, statusLabel } from './mailing-labels.js';
import { MailingPage, type MailingPageProps } from './mailing-page.js';
import { MailingPreviewPage } from './mailing-preview-page.js';
import { MailingReportPage } from './mailing-report-page.js';
import { templateTexts } from './mailing-templates.js';
import { MailingsPage } from './mailings-page.js';

export interface MailingsEditorDeps {
  site: SiteInfo;
  clock: Clock;
  mailings: MailingStore & MailingVersionReader;
  /** Campaigns as stored (uncached): the composer's choices, the templates' facts, the preview's list. */
  campaigns: CampaignReader;
  /** APP_SECRET: the preview's list links carry a token of nobody. */
  secret: string;
}

const permission = { config: { permission: 'mailings:send' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;

const done: Record<string, StringKey> = {
  created: 'mailings.done.created',
  saved: 'mailings.done.saved',
  tested: 'mailings.done.tested',
  scheduled: 'mailings.done.scheduled',
  sending: 'mailings.done.sending',
  paused: 'mailings.done.paused',
  resumed: 'mailings.done.resumed',
  cancelled: 'mailings.done.cancelled',
};

const movedNotice: Record<MailingAction, string> = {
  schedule: 'scheduled',
  send: 'sending',
  pause: 'paused',
  resume: 'resumed',
  cancel: 'cancelled',
};

export function mailingsEditorRoutes(app: FastifyInstance, deps: MailingsEditorDeps): void {
  const user = (req: FastifyRequest): User => req.account!.user;
  const actor = (req: FastifyRequest) => ({ id: user(req).id, email: user(req).email });
  /** What every mailing page gets from the request: the translator, the site, the account, its CSRF token. */
  const idOf = (req: FastifyRequest) => {
    const { mailingId: id } = req.params as { mailingId: string };
    return idPattern.test(id) ? Number(id) : undefined;
  };

  /** The mailing the URL names, or undefined (a malformed or unknown id). */
  const mailingOf = async (req: FastifyRequest) => {
    const id = idOf(req);
    return id === undefined ? undefined : deps.mailings.find(id);
  };

  /** Live and closed campaigns, newest first, each with its headline in the editor's language. */
  async function campaignChoices(
    locale: string,
  ): Promise<{ all: CampaignWithContent[]; choices: { id: number; headline: string }[] }> {
    const all = await deps.campaigns.listByStatus(['live', 'closed']);
    const choices = all
      .flatMap((c) => {
        const texts = chooseTexts(c, locale)?.texts;
        return texts ? [{ id: c.id, headline: texts.headline }] : [];
      })
      .sort((a, b) => b.id - a.id);
    return { all, choices };
  }

  async function renderComposer(
    req: FastifyRequest,
    reply: FastifyReply,
    props: Pick<MailingPageProps, 'form'> &
      Partial<Pick<MailingPageProps, 'mailing' | 'errors' | 'size' | 'notice'>>,
    status = 200,
  ) {
    const { choices } = await campaignChoices(req.tr.locale);
    const options = await deps.mailings.segmentOptions();
    const translations = props.mailing ? await deps.mailings.translations(props.mailing.id) : [];
    let size = props.size;
    if (size === undefined && props.mailing)
      size = await deps.mailings.countSegment(props.mailing.segment, deps.clock.now());
    return sendEditorPage(req, reply.code(status), deps.site, MailingPage, {
      options,
      campaigns: choices,
      translations,
      ...props,
      ...(size === undefined ? {} : { size }),
    });
  }

  const noticeOf = (req: FastifyRequest): { key: StringKey } | undefined => {
    const key = done[String((req.query as { done?: unknown }).done)];
    return key ? { key } : undefined;
  };

  app.get('/editor/mailings', permission, async (req, reply) => {
    const { choices } = await campaignChoices(req.tr.locale);
    const mailings = await deps.mailings.list();
    return sendEditorPage(req, reply, deps.site, MailingsPage, { mailings, campaigns: choices });
  });

  // The composer of a new mailing, prefilled from the template of its kind and campaign.
  app.get('/editor/mailings/new', permission, async (req, reply) => {
    const q = req.query as { kind?: unknown; campaign?: unknown; locale?: unknown };
    const kind: MailingKind = mailingKinds.find((k) => k === q.kind) ?? 'general';
    const locale = typeof q.locale === 'string' && isLanguageTag(q.locale) ? q.locale : 'en';
    const campaignId =
      typeof q.campaign === 'string' && idPattern.test(q.campaign) ? Number(q.campaign) : null;
    const options = await deps.mailings.segmentOptions();
    const lists = options.lists.map((l) => l.locale);
    let texts = { subject: '', preheader: '', bodyMd: '' };
    if (campaignId !== null) {
      const { all } = await campaignChoices(locale);
      const campaign = all.find((c) => c.id === campaignId);
      const count = campaign
        ? ((await deps.campaigns.supporterTotals([campaign.id])).get(campaign.id) ?? 0)
        : 0;
      const facts = campaign && templateFacts({ kind, locale, campaign, count, live: all });
      if (facts) texts = templateTexts(facts, translatorFor(locale), deps.site.baseUrl);
    }
    const form = mailingForm({
      kind,
      campaignId,
      sourceLocale: locale,
      ...texts,
      segment: templateSegment(kind, campaignId, lists),
    });
    return renderComposer(req, reply, { form });
  });

  // The live size for mailings.js: the segment part of the form as a query string.
  app.get('/editor/mailings/size', permission, async (req, reply) => {
    const parsed = segmentSchema.safeParse(req.query ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'invalid' });
    const read = readSegment(parsed.data);
    if (!read.ok) return reply.send({ count: null, text: '' });
    const count = await deps.mailings.countSegment(read.segment, deps.clock.now());
    return reply.send({ count, text: req.tr.t('mailings.segment.size', { count }) });
  });

  app.post('/editor/mailings', permission, async (req, reply) => {
    const body = readForm(req, reply, deps, mailingSchema);
    if (!body) return reply;
    const { intent, ...form } = body;
    if (intent === 'count') return countAndShow(req, reply, form);
    const result = await createMailing(
      { mailings: deps.mailings, clock: deps.clock },
      { form, actor: actor(req) },
    );
    if ('ok' in result) return renderComposer(req, reply, { form, errors: result.errors }, 422);
    return reply.redirect(`/editor/mailings/${result.id}?done=created`, 303);
  });

  /** The no-JavaScript count: the form comes back as typed, with the segment's size (nothing saved). */
  async function countAndShow(
    req: FastifyRequest,
    reply: FastifyReply,
    form: MailingForm,
    mailingId?: number,
  ) {
    const mailing = mailingId === undefined ? undefined : await deps.mailings.find(mailingId);
    if (mailingId !== undefined && !mailing) return sendError(req, reply, deps.site, 404);
    const read = readSegment(form);
    if (!read.ok)
      return renderComposer(req, reply, { form, errors: read.errors, ...(mailing ? { mailing } : {}) }, 422);
    const size = await deps.mailings.countSegment(read.segment, deps.clock.now());
    return renderComposer(req, reply, { form, size, ...(mailing ? { mailing } : {}) });
  }

  app.get('/editor/mailings/:mailingId', permission, async (req, reply) => {
    const mailing = await mailingOf(req);
    if (!mailing) return sendError(req, reply, deps.site, 404);
    const notice = noticeOf(req);
    return renderComposer(req, reply, { mailing, form: mailingForm(mailing), ...(notice ? { notice } : {}) });
  });

  app.post('/editor/mailings/:mailingId', permission, async (req, reply) => {
    const id = idOf(req);
    const body = mailingSchema.safeParse(req.body ?? {});
    if (id === undefined || !body.success) return sendError(req, reply, deps.site, 400);
    const { intent, ...form } = body.data;
    if (intent === 'count') return countAndShow(req, reply, form, id);
    const result = await saveMailing(
      { mailings: deps.mailings, clock: deps.clock },
      { id, form, actor: actor(req) },
    );
    if ('ok' in result) {
      const mailing = await deps.mailings.find(id);
      if (!mailing) return sendError(req, reply, deps.site, 404);
      return renderComposer(req, reply, { mailing, form, errors: result.errors }, 422);
    }
    if (result.status === 'unknown') return sendError(req, reply, deps.site, 404);
    if (result.status === 'locked') return refuse(req, reply, id, 'mailings.locked', 409);
    return reply.redirect(`/editor/mailings/${id}?done=saved`, 303);
  });

  /** The composer again with a refusal on top (nothing changed). */
  async function refuse(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    key: StringKey,
    status: number,
  ) {
    const mailing = await deps.mailings.find(id);
    if (!mailing) return sendError(req, reply, deps.site, 404);
    return renderComposer(
      req,
      reply,
      { mailing, form: mailingForm(mailing), notice: { key, kind: 'error' } },
      status,
    );
  }

  app.post('/editor/mailings/:mailingId/test', permission, async (req, reply) => {
    const id = idOf(req);
    const body = testSchema.safeParse(req.body ?? {});
    if (id === undefined || !body.success) return sendError(req, reply, deps.site, 400);
    const me = user(req);
    const result = await queueMailingTest(
      { mailings: deps.mailings, clock: deps.clock },
      { id, locale: body.data.locale, actor: { id: me.id, email: me.email, name: me.name } },
    );
    if (result.status === 'unknown') return sendError(req, reply, deps.site, 404);
    if (result.status === 'invalidLocale') return refuse(req, reply, id, 'mailings.refused.language', 422);
    return reply.redirect(`/editor/mailings/${id}?done=tested`, 303);
  });

  const move = (action: MailingAction) => async (req: FastifyRequest, reply: FastifyReply) => {
    const id = idOf(req);
    if (id === undefined) return sendError(req, reply, deps.site, 400);
    let scheduledAt: number | undefined;
    if (action === 'schedule') {
      const body = readForm(req, reply, deps, scheduleSchema);
      if (!body) return reply;
      scheduledAt = utcTime(body.at);
      if (scheduledAt === undefined) return refuse(req, reply, id, 'mailings.refused.time', 422);
    }
    if (action === 'send') {
      const body = readForm(req, reply, deps, sendSchema);
      if (!body) return reply;
      if (body.confirm !== 'yes') return refuse(req, reply, id, 'mailings.refused.unconfirmed', 422);
    }
    const result = await moveMailing(
      { mailings: deps.mailings, clock: deps.clock },
      { id, action, actor: actor(req), ...(scheduledAt === undefined ? {} : { scheduledAt }) },
    );
    switch (result.status) {
      case 'unknown':
        return sendError(req, reply, deps.site, 404);
      case 'notAllowed':
        return refuse(req, reply, id, 'mailings.refused.notAllowed', 409);
      case 'emptySegment':
        return refuse(req, reply, id, 'mailings.refused.emptySegment', 422);
      case 'timeInPast':
        return refuse(req, reply, id, 'mailings.refused.time', 422);
      case 'moved':
        return reply.redirect(
          action === 'send' || action === 'resume'
            ? `/editor/mailings/${id}/report`
            : `/editor/mailings/${id}?done=${movedNotice[action]}`,
          303,
        );
    }
  };
  for (const action of ['schedule', 'send', 'pause', 'resume', 'cancel'] as const) {
    app.post(`/editor/mailings/:mailingId/${action}`, permission, move(action));
  }

  app.get('/editor/mailings/:mailingId/report', permission, async (req, reply) => {
    const mailing = await mailingOf(req);
    if (!mailing) return sendError(req, reply, deps.site, 404);
    return sendEditorPage(req, reply, deps.site, MailingReportPage, {
      mailing,
      progress: await deps.mailings.progress(mailing.id),
      report: await deps.mailings.report(mailing.id),
      paused: await deps.mailings.pausedDomains(mailing.id),
    });
  });

  // A domain that refused the mailing by policy, resumed from its report once the block is lifted. Resuming
  // one that is no longer paused changes nothing and shows the report as it is.
  app.post('/editor/mailings/:mailingId/domains/:domain/resume', permission, async (req, reply) => {
    const id = idOf(req);
    const { domain } = req.params as { domain: string };
    const result =
      id === undefined
        ? ({ status: 'unknown' } as const)
        : await resumeMailingDomain(
            { mailings: deps.mailings, clock: deps.clock },
            { mailingId: id, domain, actor: actor(req) },
          );
    if (result.status === 'unknown') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`/editor/mailings/${id}/report`, 303);
  });

  // The progress bar's figures for mailings.js, as texts in the editor's language.
  app.get('/editor/mailings/:mailingId/progress.json', permission, async (req, reply) => {
    const mailing = await mailingOf(req);
    if (!mailing) return reply.code(404).send({ error: 'not found' });
    const p = await deps.mailings.progress(mailing.id);
    return reply.header('cache-control', 'no-store').send({
      status: mailing.status,
      statusText: req.tr.t(statusLabel[mailing.status]),
      total: p.total,
      done: p.sent + p.failed + p.bounced,
      text: progressText(req.tr, p),
      live: inProgress(mailing.status),
    });
  });

  /** One language version rendered by the sender's template, for nobody (links change nothing). */
  async function rendered(req: FastifyRequest, id: number, locale: string) {
    const version = await deps.mailings.version(id, locale);
    if (!version) return undefined;
    const tr = translatorFor(locale);
    const compiled = await compileMailing(
      previewInput({
        version,
        locale,
        live: await deps.campaigns.listByStatus(['live']),
        site: { name: deps.site.name, baseUrl: deps.site.baseUrl },
      }),
      tr,
    );
    return {
      version,
      mail: compiled.render({ name: user(req).name, token: listToken(nobody, deps.secret) }),
    };
  }

  const localeOf = (req: FastifyRequest, fallback: string) => {
    const { locale } = req.query as { locale?: unknown };
    return typeof locale === 'string' && isLanguageTag(locale) ? locale : fallback;
  };

  app.get('/editor/mailings/:mailingId/preview', permission, async (req, reply) => {
    const mailing = await mailingOf(req);
    if (!mailing) return sendError(req, reply, deps.site, 404);
    const locale = localeOf(req, mailing.sourceLocale);
    const out = await rendered(req, mailing.id, locale);
    if (!out) return sendError(req, reply, deps.site, 404);
    const translations = await deps.mailings.translations(mailing.id);
    const languages = [
      ...new Set([
        mailing.sourceLocale,
        ...mailing.segment.locales,
        ...translations.map((x) => x.locale),
        locale,
      ]),
    ];
    return sendEditorPage(req, reply, deps.site, MailingPreviewPage, {
      mailing,
      locale,
      textLocale: out.version.locale,
      languages,
      subject: out.mail.subject,
      text: out.mail.text,
    });
  });

  // The mail's HTML alone, for the preview's sandboxed frame: a CSP of its own (the mail's inline styles,
  // no script, no request anywhere but images) and framing allowed by our own pages only.
  app.get('/editor/mailings/:mailingId/preview.html', permission, async (req, reply) => {
    const mailing = await mailingOf(req);
    if (!mailing) return sendError(req, reply, deps.site, 404);
    const out = await rendered(req, mailing.id, localeOf(req, mailing.sourceLocale));
    if (!out) return sendError(req, reply, deps.site, 404);
    return reply
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox",
      )
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(out.mail.html ?? '');
  });
}
