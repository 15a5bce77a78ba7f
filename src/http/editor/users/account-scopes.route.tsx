// The admins' changes to what an account is limited to, posted from the account's page: attach a partner
// account to a campaign, take it away, choose a translator's languages and their standing in each (plain,
// trusted, coordinator: decision 0039). Each POST is one use case (checked,
// written and audited in one transaction), then back to the page with a notice, or the page again with
// the reason nothing changed. The page itself is users.route.tsx's; this module adds its scope section.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import type { User } from '../../../domain/account/account.js';
import {
  type ScopeChangeRefused,
  translatorLanguageChoices,
} from '../../../domain/account/account-scopes.js';
import { attachPartner } from '../../../domain/account/attach-partner.js';
import { detachPartner } from '../../../domain/account/detach-partner.js';
import {
  maxTranslatorLanguages,
  setTranslatorLanguages,
} from '../../../domain/account/set-translator-languages.js';
import { isLanguageStanding, type LanguageStanding } from '../../../domain/translation/language-standing.js';
import { setLanguageStandings } from '../../../domain/translation/set-language-standings.js';
import { canonicalLocale } from '../../../i18n/locales.js';
import type { StringKey } from '../../../i18n/translator.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import { roleKeys } from '../../views/editor/labels.js';
import type { EditorDeps } from '../deps.js';
import { doneNotice } from '../pages.js';
import type { ScopeFormState, ScopeSection } from './account-scopes.js';

const manage = { config: { permission: 'users:manage' as const } };
const idPattern = /^[1-9][0-9]{0,14}$/;

// Single strings, except the ticked language boxes (none, one or several `locale` fields).
const tag = z.string().max(35);
const campaignForm = z.object({ campaign: z.string().max(20).optional().default('') });
const languagesForm = z.object({
  locale: z.union([tag, z.array(tag).max(maxTranslatorLanguages)]).optional(),
});

/** One select per language the translator has, named `standing-{tag}`; other fields (the CSRF token) pass. */
const standingPrefix = 'standing-';
const standingsForm = z
  .record(z.string().max(60), z.string().max(200))
  .refine((body) => Object.keys(body).length <= maxTranslatorLanguages + 1);

const notices = {
  attached: 'scopes.done.attached',
  detached: 'scopes.done.detached',
  languages: 'scopes.done.languages',
  standings: 'scopes.done.standings',
} as const satisfies Record<string, StringKey>;

/** The notice a redirect back to the account's page asks for (`?done=attached`…). */
export function scopeNotice(req: FastifyRequest): StringKey | undefined {
  return doneNotice(req, notices);
}

/** What the account's page shows about its scope: partners' campaigns, translators' languages, else nothing. */
export async function scopeSection(
  deps: EditorDeps,
  subject: User,
  state?: ScopeFormState,
): Promise<ScopeSection | undefined> {
  const withState = state ? { state } : {};
  if (subject.role === 'partner') {
    const [attached, choices] = await Promise.all([
      deps.scopes.attachedCampaigns(subject.id),
      deps.scopes.campaignChoices(),
    ]);
    return { kind: 'partner', attached, choices, ...withState };
  }
  if (subject.role === 'translator') {
    const [grants, inUse] = await Promise.all([
      deps.scopes.grantsOf(subject.id),
      deps.scopes.contentLanguages(),
    ]);
    const languages = grants.map((g) => g.locale);
    return {
      kind: 'translator',
      languages,
      grants,
      choices: translatorLanguageChoices(inUse, languages),
      ...withState,
    };
  }
  return undefined;
}

/** Shows the account's page again: with a page-level error (409), or a scope form's refusal (422). */
export type ShowAccount = (
  req: FastifyRequest,
  reply: FastifyReply,
  error?: string,
  scope?: { state: ScopeFormState; status: number },
) => Promise<FastifyReply>;

function accountId(req: FastifyRequest): number | undefined {
  const { id } = req.params as { id: string };
  return idPattern.test(id) ? Number(id) : undefined;
}

const campaignId = (value: string) => (idPattern.test(value) ? Number(value) : undefined);

/** What every scope change may answer besides its own refusals (an unknown campaign or language). */
type Outcome = ScopeChangeRefused | { status: 'attached' | 'detached' | 'saved' | 'unchanged' };

export function accountScopeRoutes(app: FastifyInstance, deps: EditorDeps, show: ShowAccount): void {
  const scopeDeps = { scopes: deps.scopes, clock: deps.accounts.clock };

  /** Back to the account's page (with a notice when something changed), a 404, or the role's reason. */
  function settle(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    result: Outcome,
    done: keyof typeof notices,
  ) {
    if (result.status === 'not_found') return sendError(req, reply, deps.site, 404);
    if (result.status === 'wrong_role') {
      return show(req, reply, req.tr.t('scopes.error.wrongRole', { role: req.tr.t(roleKeys[result.role]) }));
    }
    const notice = result.status === 'unchanged' ? '' : `?done=${done}`;
    return reply.redirect(`/editor/users/${id}${notice}#scope`, 303);
  }

  /** A POST about account `:id` with its form: the gate has checked users:manage and the CSRF token. */
  function change<T>(
    path: string,
    schema: ZodType<T>,
    run: (req: FastifyRequest, reply: FastifyReply, id: number, form: T) => Promise<FastifyReply>,
  ) {
    app.post(`/editor/users/:id/${path}`, manage, async (req, reply) => {
      const id = accountId(req);
      const form = readForm(req, reply, deps, schema);
      if (!form) return reply;
      if (id === undefined) return sendError(req, reply, deps.site, 404);
      return run(req, reply, id, form);
    });
  }

  change('campaigns', campaignForm, async (req, reply, id, form) => {
    const campaign = campaignId(form.campaign);
    const result = await attachPartner(scopeDeps, req.account!.user, { userId: id, campaignId: campaign });
    if (result.status !== 'unknown_campaign') return settle(req, reply, id, result, 'attached');
    return show(req, reply, undefined, {
      state: { form: 'attach', error: req.tr.t('scopes.error.unknownCampaign') },
      status: 422,
    });
  });

  change('campaigns/remove', campaignForm, async (req, reply, id, form) => {
    const campaign = campaignId(form.campaign);
    const result = await detachPartner(scopeDeps, req.account!.user, { userId: id, campaignId: campaign });
    return settle(req, reply, id, result, 'detached');
  });

  change('languages', languagesForm, async (req, reply, id, form) => {
    // Tags in their canonical spelling (pt-br → pt-BR), as campaign translations store them.
    const ticked = ([] as string[]).concat(form.locale ?? []).map((l) => canonicalLocale(l.trim()) ?? l);
    const result = await setTranslatorLanguages(scopeDeps, req.account!.user, {
      userId: id,
      locales: ticked,
    });
    if (result.status !== 'unknown_language') return settle(req, reply, id, result, 'languages');
    return show(req, reply, undefined, {
      state: {
        form: 'languages',
        error: req.tr.t('scopes.error.unknownLanguage', { language: result.locale }),
        ticked,
      },
      status: 422,
    });
  });

  change('standings', standingsForm, async (req, reply, id, form) => {
    const standings = new Map<string, LanguageStanding>();
    for (const [name, value] of Object.entries(form)) {
      if (!name.startsWith(standingPrefix)) continue;
      // Only our select's three values: anything else is a body no form of ours sends.
      if (!isLanguageStanding(value)) return sendError(req, reply, deps.site, 400);
      const raw = name.slice(standingPrefix.length);
      standings.set(canonicalLocale(raw) ?? raw, value);
    }
    const result = await setLanguageStandings(scopeDeps, req.account!.user, { userId: id, standings });
    if (result.status !== 'unknown_language') return settle(req, reply, id, result, 'standings');
    // The language was taken away meanwhile (another admin, another tab): the page shows what it has now.
    return show(req, reply, undefined, {
      state: {
        form: 'standings',
        error: req.tr.t('scopes.error.unknownLanguage', { language: result.locale }),
      },
      status: 422,
    });
  });
}
