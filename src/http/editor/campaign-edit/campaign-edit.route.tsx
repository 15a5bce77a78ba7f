// The campaign editor's routes: the edit page (campaigns:read shows it read-only), and one POST per form
// (campaigns:edit): texts, the Markdown preview the page script asks for, photo, remove photo, settings,
// dated updates and the follow-up campaign. The editor gate checks the permission and the CSRF token
// first. Each POST is parse → one use case → a redirect with a notice, or the page again (422/409) with
// the editor's input kept and the errors translated beside the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodType } from 'zod';
import { can } from '../../../domain/account/permissions.js';
import { slugPattern } from '../../../domain/campaign/campaign.js';
import { deleteUpdate } from '../../../domain/campaign/delete-update.js';
import {
  type CampaignEditorStore,
  dayOf,
  type EditableCampaign,
  editToken,
} from '../../../domain/campaign/edit-campaign.js';
import { editCampaignPhoto } from '../../../domain/campaign/edit-campaign-photo.js';
import { editCampaignSettings } from '../../../domain/campaign/edit-campaign-settings.js';
import { editCampaignTexts } from '../../../domain/campaign/edit-campaign-texts.js';
import { editUpdate } from '../../../domain/campaign/edit-update.js';
import { postUpdate } from '../../../domain/campaign/post-update.js';
import { removeCampaignPhoto } from '../../../domain/campaign/remove-campaign-photo.js';
import { setSuccessor } from '../../../domain/campaign/set-successor.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { ImageStore } from '../../../domain/shared/image.ports.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { csrfUploads } from '../../security/multipart.js';
import type { SiteInfo } from '../../views/layout.js';
import { markdownPreviewRoute } from '../markdown-preview.js';
import { doneNotice, editorPage } from '../pages.js';
import { photoForm, settingsForm, successorForm, textsForm, updateForm } from './campaign-edit.schema.js';
import { successorErrorText } from './campaign-edit-forms.js';
import { CampaignEditPage, type EditPageProps } from './campaign-edit-pages.js';
import { settingsFormValues } from './campaign-edit-settings.js';
import { textsFormValues } from './campaign-edit-texts.js';

export interface CampaignEditRouteDeps {
  site: SiteInfo;
  clock: Clock;
  campaigns: CampaignEditorStore;
  images: ImageStore;
  /** UPLOAD_MAX_MB, for the "photo too large" message. */
  uploadMaxMb: number;
}

const read = { config: { permission: 'campaigns:read' as const } };
const edit = { config: { permission: 'campaigns:edit' as const } };
/** Long texts in scripts that take 2–4 bytes a character, percent-encoded: above the site's 64 KB default. */
const editLong = { ...edit, bodyLimit: 512 * 1024 };
const editPhoto = { config: { ...edit.config, uploads: csrfUploads(1) } };

const done = {
  texts: 'campaignEdit.done.texts',
  unchanged: 'campaignEdit.done.unchanged',
  photo: 'campaignEdit.done.photo',
  'photo-removed': 'campaignEdit.done.photoRemoved',
  settings: 'campaignEdit.done.settings',
  'update-posted': 'campaignEdit.done.updatePosted',
  'update-edited': 'campaignEdit.done.updateEdited',
  'update-deleted': 'campaignEdit.done.updateDeleted',
  successor: 'campaignEdit.done.successor',
} as const satisfies Record<string, StringKey>;

type Overrides = Partial<
  Pick<EditPageProps, 'texts' | 'photo' | 'settings' | 'updates' | 'successor' | 'error'>
>;

export function campaignEditRoutes(app: FastifyInstance, deps: CampaignEditRouteDeps): void {
  const useCases = { campaigns: deps.campaigns, clock: deps.clock };

  const slugOf = (req: FastifyRequest): string | undefined => {
    const { slug } = req.params as { slug: string };
    return slugPattern.test(slug) ? slug : undefined;
  };
  const actor = (req: FastifyRequest) => ({ id: req.account!.user.id, email: req.account!.user.email });
  const back = (reply: FastifyReply, slug: string, notice: keyof typeof done, anchor: string) =>
    reply.redirect(`/editor/campaigns/${slug}/edit?done=${notice}#${anchor}`, 303);

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    campaign: EditableCampaign,
    status = 200,
    overrides: Overrides = {},
  ) {
    const notice = status === 200 ? doneNotice(req, done) : undefined;
    const today = dayOf(deps.clock.now());
    const props: EditPageProps = {
      ...editorPage(req, deps.site),
      campaign,
      canEdit: can(req.account!.user.role, 'campaigns:edit'),
      notice,
      texts: { values: textsFormValues(campaign), errors: {} },
      photo: { alt: campaign.source?.photoAlt ?? '', errors: {}, maxMb: deps.uploadMaxMb },
      settings: { values: settingsFormValues(campaign), errors: {} },
      updates: { fresh: { values: { day: today, locale: campaign.sourceLocale, text: '' }, errors: {} } },
      successor: {
        value: campaign.successor?.slug ?? '',
        choices: await deps.campaigns.successorChoices(campaign.id),
      },
      ...overrides,
    };
    return sendPage(reply, <CampaignEditPage {...props} />, status);
  }

  /**
   * The answers a campaign form's result shares: stored goes back to the form's section (with the
   * "unchanged" notice when nothing changed), a campaign gone meanwhile is the 404 page.
   */
  function settle(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    section: 'photo' | 'settings' | 'successor',
    result: { status: 'saved'; changed: boolean } | { status: 'not_found' },
  ) {
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return back(reply, slug, result.changed ? section : 'unchanged', section);
  }

  /** The campaign of the URL, or the 404 page already sent. */
  async function load(req: FastifyRequest, reply: FastifyReply): Promise<EditableCampaign | undefined> {
    const slug = slugOf(req);
    const campaign = slug ? await deps.campaigns.find(slug) : undefined;
    if (!campaign) sendError(req, reply, deps.site, 404);
    return campaign;
  }

  /** A form posted on the campaign of the URL: `handle` gets both, or the 404 or 400 page is already sent. */
  function onForm<T>(
    url: string,
    options: RouteShorthandOptions,
    schema: ZodType<T>,
    handle: (
      req: FastifyRequest,
      reply: FastifyReply,
      campaign: EditableCampaign,
      form: T,
    ) => Promise<unknown>,
  ) {
    app.post(url, options, async (req, reply) => {
      const campaign = await load(req, reply);
      const form = campaign && readForm(req, reply, deps, schema);
      if (!campaign || !form) return reply;
      return handle(req, reply, campaign, form);
    });
  }

  app.get('/editor/campaigns/:slug/edit', read, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return reply;
    return show(req, reply, campaign);
  });

  onForm('/editor/campaigns/:slug/edit/texts', editLong, textsForm, async (req, reply, campaign, form) => {
    const values = {
      token: form.revision,
      headline: form.headline,
      background: form.background,
      defaultMessage: form.defaultMessage,
      subject: form.subject,
      salutation: form.salutation,
      moreInfoUrl: form.moreInfoUrl,
      goal: form.goal,
      slug: form.slug,
      sourceLocale: form.sourceLocale,
      publish: form.publish === 'yes',
    };
    if (form.intent === 'preview') return show(req, reply, campaign, 200, { texts: { values, errors: {} } });
    const result = await editCampaignTexts(useCases, actor(req), {
      ...values,
      slug: campaign.slug,
      newSlug: form.slug,
      sourceLocale: canonicalLocale(form.sourceLocale.trim()) ?? form.sourceLocale,
      confirmSlug: form.confirmSlug === 'yes',
    });
    switch (result.status) {
      case 'saved':
        return back(reply, result.slug, result.changed ? 'texts' : 'unchanged', 'texts');
      case 'not_found':
        return sendError(req, reply, deps.site, 404);
      case 'invalid':
        return show(req, reply, campaign, 422, { texts: { values, errors: result.errors } });
      case 'confirm_slug':
        return show(req, reply, campaign, 200, {
          texts: { values, errors: {}, confirmSlug: { from: result.from, to: result.to } },
        });
      case 'stale':
        // Their version on the page, this editor's text in the form, which now carries the new token: saving
        // again is a deliberate choice to replace what they saved.
        return show(req, reply, result.current, 409, {
          texts: {
            values: { ...values, token: editToken(result.current) },
            errors: {},
            stale: result.current,
          },
        });
    }
  });

  markdownPreviewRoute(app, '/editor/campaigns/:slug/edit/preview-markdown', editLong, deps);

  onForm('/editor/campaigns/:slug/edit/photo', editPhoto, photoForm, async (req, reply, campaign, form) => {
    const result = await editCampaignPhoto({ ...useCases, images: deps.images }, actor(req), {
      slug: campaign.slug,
      upload: form.photo,
      alt: form.alt,
    });
    if (result.status === 'no_source_text') {
      return show(req, reply, campaign, 409, {
        error: req.tr.t('campaignEdit.photo.noSource', {
          language: req.tr.languageName(campaign.sourceLocale),
        }),
        photo: { alt: form.alt, errors: {}, maxMb: deps.uploadMaxMb },
      });
    }
    if (result.status !== 'invalid') return settle(req, reply, campaign.slug, 'photo', result);
    return show(req, reply, campaign, 422, {
      photo: { alt: form.alt, errors: result.errors, maxMb: deps.uploadMaxMb },
    });
  });

  app.post('/editor/campaigns/:slug/edit/photo/remove', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    if (!campaign) return reply;
    const result = await removeCampaignPhoto(useCases, actor(req), { slug: campaign.slug });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return back(reply, campaign.slug, result.status === 'removed' ? 'photo-removed' : 'unchanged', 'photo');
  });

  onForm('/editor/campaigns/:slug/edit/settings', edit, settingsForm, async (req, reply, campaign, form) => {
    const { day1, day2, day3, day4, day5, day6, day7, ...fields } = form;
    const days = [day1, day2, day3, day4, day5, day6, day7].flatMap((v, i) => (v === 'yes' ? [i + 1] : []));
    const result = await editCampaignSettings(useCases, actor(req), { slug: campaign.slug, ...fields, days });
    if (result.status !== 'invalid') return settle(req, reply, campaign.slug, 'settings', result);
    return show(req, reply, campaign, 422, {
      settings: {
        values: { ...fields, days, officeHours: fields.officeHours === 'limited' ? 'limited' : 'any' },
        errors: result.errors,
      },
    });
  });

  onForm('/editor/campaigns/:slug/updates', editLong, updateForm, async (req, reply, campaign, form) => {
    const result = await postUpdate(useCases, actor(req), { slug: campaign.slug, ...form });
    if (result.status === 'saved') return back(reply, campaign.slug, 'update-posted', 'updates');
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return show(req, reply, campaign, 422, { updates: { fresh: { values: form, errors: result.errors } } });
  });

  const updateId = (req: FastifyRequest): number | undefined => {
    const { id } = req.params as { id: string };
    return /^\d{1,15}$/.test(id) ? Number(id) : undefined;
  };

  onForm('/editor/campaigns/:slug/updates/:id', editLong, updateForm, async (req, reply, campaign, form) => {
    const id = updateId(req);
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await editUpdate(useCases, actor(req), { slug: campaign.slug, id, ...form });
    if (result.status === 'saved') return back(reply, campaign.slug, 'update-edited', 'updates');
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    const today = dayOf(deps.clock.now());
    return show(req, reply, campaign, 422, {
      updates: {
        fresh: { values: { day: today, locale: campaign.sourceLocale, text: '' }, errors: {} },
        editing: { id, values: form, errors: result.errors },
      },
    });
  });

  app.post('/editor/campaigns/:slug/updates/:id/delete', edit, async (req, reply) => {
    const campaign = await load(req, reply);
    const id = updateId(req);
    if (!campaign) return reply;
    if (id === undefined) return sendError(req, reply, deps.site, 404);
    const result = await deleteUpdate(useCases, actor(req), { slug: campaign.slug, id });
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    return back(reply, campaign.slug, 'update-deleted', 'updates');
  });

  onForm(
    '/editor/campaigns/:slug/edit/successor',
    edit,
    successorForm,
    async (req, reply, campaign, form) => {
      const result = await setSuccessor(useCases, actor(req), {
        slug: campaign.slug,
        successor: form.successor,
      });
      if (result.status !== 'invalid') return settle(req, reply, campaign.slug, 'successor', result);
      return show(req, reply, campaign, 422, {
        successor: {
          value: form.successor,
          error: successorErrorText(req.tr, result.error),
          choices: await deps.campaigns.successorChoices(campaign.id),
        },
      });
    },
  );
}
