// The preferences page behind the signed link in every mailing (/<locale>/preferences/<list token>), its
// forms, and the address-change link mailed to a new address. The list token in the URL is the key (it
// names the person and is signed); the forms also refuse cross-site POSTs. Every answer to a form is a
// redirect back with a notice, or the page again with the error and the input kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { addressChangeUsable, confirmAddressChange } from '../../../domain/list/confirm-address-change.js';
import { joinList } from '../../../domain/list/join-list.js';
import type { AddressTokens, ListPerson, ListStore } from '../../../domain/list/list.ports.js';
import { moveList } from '../../../domain/list/move-list.js';
import { requestAddressChange } from '../../../domain/list/request-address-change.js';
import { unsubscribe } from '../../../domain/list/unsubscribe.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/signature/signature.ports.js';
import type { StringKey } from '../../../i18n/translator.js';
import { isCrossSite } from '../../../security/csrf.js';
import { ipKey } from '../../../security/ip-key.js';
import { parseListToken } from '../../../security/list-token.js';
import { sendError } from '../../errors.js';
import { readForm } from '../../read-form.js';
import type { SiteInfo } from '../../views/layout.js';
import { ListMessagePage, sendListPage } from './list-page.js';
import {
  addressBodySchema,
  addressConfirmSchema,
  joinBodySchema,
  leaveBodySchema,
  moveBodySchema,
  unsubscribeBodySchema,
} from './preferences.schema.js';
import {
  AddressConfirmPage,
  type PreferencesNotice,
  PreferencesPage,
  type PreferencesState,
} from './preferences-pages.js';

export interface PreferencesRouteDeps {
  site: SiteInfo;
  clock: Clock;
  /** APP_SECRET: keys list tokens, address-change links and IP hashes. */
  secret: string;
  lists: ListStore;
  addressTokens: AddressTokens;
  /** Limits address-change mails per person and network. */
  rateLimiter: RateLimiter;
}

const notices: readonly PreferencesNotice[] = ['joined', 'left', 'moved', 'unsubscribed', 'addressSent'];

export function preferencesRoutes(app: FastifyInstance, deps: PreferencesRouteDeps): void {
  const ownOrigins = [deps.site.baseUrl];
  /** What the list use cases (join, leave, move, unsubscribe) need. */
  const listDeps = { lists: deps.lists, clock: deps.clock };
  const crossSite = (req: FastifyRequest) =>
    isCrossSite(req.headers, [...ownOrigins, `${req.protocol}://${req.host}`]);

  /** A page with one message (a refused link, or the outcome of the address-change button). */
  const message = (
    req: FastifyRequest,
    reply: FastifyReply,
    title: StringKey,
    body: StringKey,
    status: number,
  ) =>
    sendListPage(reply, <ListMessagePage tr={req.tr} site={deps.site} title={title} body={body} />, status);

  /** The person the URL's list token stands for, with the page's address; undefined for nobody. */
  async function personOf(req: FastifyRequest): Promise<{ person: ListPerson; base: string } | undefined> {
    const { token } = req.params as { token: string };
    const supporterId = parseListToken(token, deps.secret);
    const person = supporterId === null ? undefined : await deps.lists.person(supporterId);
    return person && { person, base: `/${req.contentLocale}/preferences/${token}` };
  }

  const page = (req: FastifyRequest, reply: FastifyReply, state: PreferencesState, status = 200) =>
    sendListPage(reply, <PreferencesPage tr={req.tr} site={deps.site} {...state} />, status);

  /** Runs a preferences form: a valid locale, a same-site POST, a person behind the token, a body of its schema. */
  function form<T>(
    path: string,
    schema: ZodType<T>,
    handle: (
      req: FastifyRequest,
      reply: FastifyReply,
      found: { person: ListPerson; base: string },
      body: T,
    ) => Promise<FastifyReply>,
  ) {
    app.post(`/:locale/preferences/:token/${path}`, async (req, reply) => {
      if (!req.localeValid) return sendError(req, reply, deps.site, 404);
      if (crossSite(req)) return sendError(req, reply, deps.site, 403);
      const found = await personOf(req);
      if (!found) return message(req, reply, 'preferences.title', 'preferences.invalid', 404);
      const body = readForm(req, reply, deps, schema);
      if (!body) return reply;
      return handle(req, reply, found, body);
    });
  }
  const done = (reply: FastifyReply, base: string, notice: PreferencesNotice) =>
    reply.redirect(`${base}?done=${notice}`, 303);

  app.get('/:locale/preferences/:token', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const found = await personOf(req);
    if (!found) return message(req, reply, 'preferences.title', 'preferences.invalid', 404);
    const { done: given } = req.query as { done?: unknown };
    const notice = notices.find((n) => n === given);
    return page(req, reply, { ...found, notice });
  });

  form('join', joinBodySchema, async (req, reply, found, body) => {
    const result = await joinList(listDeps, {
      supporterId: found.person.supporterId,
      locale: body.list,
      pageLocale: req.contentLocale,
      consented: body.consent === 'yes',
      consentText: req.tr.t('list.consent.label', { siteName: deps.site.name }),
    });
    if (result.status === 'joined') return done(reply, found.base, 'joined');
    return page(req, reply, { ...found, error: { form: 'join', text: `list.error.${result.error}` } }, 422);
  });

  form('leave', leaveBodySchema, async (_req, reply, found, body) => {
    await unsubscribe(listDeps, {
      supporterId: found.person.supporterId,
      locale: body.list,
      via: 'preferences',
    });
    return done(reply, found.base, 'left');
  });

  form('move', moveBodySchema, async (req, reply, found, body) => {
    const result = await moveList(listDeps, {
      supporterId: found.person.supporterId,
      from: body.from,
      to: body.to,
      pageLocale: req.contentLocale,
      consentText: req.tr.t('preferences.move.button'),
    });
    if (result.status === 'moved') return done(reply, found.base, 'moved');
    return sendError(req, reply, deps.site, 400);
  });

  form('unsubscribe', unsubscribeBodySchema, async (_req, reply, found) => {
    await unsubscribe(listDeps, { supporterId: found.person.supporterId, via: 'preferences' });
    return done(reply, found.base, 'unsubscribed');
  });

  form('address', addressBodySchema, async (req, reply, found, body) => {
    const result = await requestAddressChange(
      {
        lists: deps.lists,
        addressTokens: deps.addressTokens,
        clock: deps.clock,
        rateLimiter: deps.rateLimiter,
      },
      {
        supporterId: found.person.supporterId,
        email: body.email,
        pageLocale: req.contentLocale,
        ipKey: ipKey(deps.secret, req.ip),
      },
    );
    if (result.status === 'sent') return done(reply, found.base, 'addressSent');
    return page(
      req,
      reply,
      { ...found, error: { form: 'address', text: `form.error.${result.error}`, email: body.email } },
      422,
    );
  });

  const addressDeps = { lists: deps.lists, addressTokens: deps.addressTokens, clock: deps.clock };

  app.get('/:locale/address/confirm', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { token } = req.query as { token?: unknown };
    if (typeof token !== 'string' || !(await addressChangeUsable(addressDeps, token))) {
      return message(req, reply, 'address.confirm.title', 'address.invalid', 404);
    }
    return sendListPage(
      reply,
      <AddressConfirmPage
        tr={req.tr}
        site={deps.site}
        action={`/${req.contentLocale}/address/confirm`}
        token={token}
      />,
    );
  });

  app.post('/:locale/address/confirm', async (req, reply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    if (crossSite(req)) return sendError(req, reply, deps.site, 403);
    const body = readForm(req, reply, deps, addressConfirmSchema);
    if (!body) return reply;
    const result = await confirmAddressChange(addressDeps, body.token);
    switch (result.status) {
      case 'changed':
        return message(req, reply, 'address.confirm.title', 'address.changed', 200);
      case 'taken':
        return message(req, reply, 'address.confirm.title', 'address.taken', 409);
      default:
        return message(req, reply, 'address.confirm.title', 'address.invalid', 404);
    }
  });
}
