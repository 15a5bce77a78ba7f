// The confirmation link. GET only shows a page with one button (link scanners fetch URLs; they must not
// confirm anything); the button POSTs, and only that confirms.

import type { FastifyInstance } from 'fastify';
import { confirmSignature } from '../../../domain/signature/confirm-signature.js';
import type { StringKey } from '../../../i18n/translator.js';
import { statusToken } from '../../../security/status-token.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { SubmitButton } from '../../views/form-fields.js';
import { Layout } from '../../views/layout.js';
import type { PublicDeps } from '../deps.js';

const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;

export function confirmRoutes(app: FastifyInstance, deps: PublicDeps): void {
  const page = (
    req: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
    status: number,
    title: StringKey,
    body: StringKey,
    extra?: preact.ComponentChildren,
  ) =>
    sendPage(
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer'),
      <Layout tr={req.tr} site={deps.site} title={req.tr.t(title)}>
        <section class="confirm">
          <h1>{req.tr.t(title)}</h1>
          <p>{req.tr.t(body)}</p>
          {extra}
        </section>
      </Layout>,
      status,
    );

  app.get('/:locale/confirm/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const found = tokenPattern.test(token) ? await deps.confirmer.peek(deps.tokens.hash(token)) : undefined;
    if (!found) return page(req, reply, 404, 'confirm.title', 'confirm.unknown');
    if (found.status === 'confirmed') return page(req, reply, 200, 'confirm.done.title', 'confirm.done.body');
    if (found.status !== 'pending' && found.status !== 'held') {
      return page(req, reply, 410, 'confirm.title', 'confirm.expired');
    }
    return page(
      req,
      reply,
      200,
      'confirm.title',
      'confirm.body',
      <form method="post" action={`/${req.contentLocale}/confirm/${token}`}>
        <SubmitButton kind="big">{req.tr.t('confirm.button')}</SubmitButton>
      </form>,
    );
  });

  app.post('/:locale/confirm/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const outcome = await confirmSignature(
      { signatures: deps.confirmer, tokens: deps.tokens, clock: deps.clock },
      { token, expiresAfterMs: deps.confirmExpiryMs },
    );
    switch (outcome.status) {
      case 'confirmed':
      case 'already':
        return page(
          req,
          reply,
          200,
          'confirm.done.title',
          'confirm.done.body',
          <>
            <p>
              <a href={`/${req.contentLocale}/status/${statusToken(outcome.signatureId, deps.secret)}`}>
                {req.tr.t('status.link')}
              </a>
            </p>
            <p>
              <a class="button" href={`/${req.contentLocale}/campaigns/${outcome.campaignSlug}/thanks`}>
                {req.tr.t('thanks.share.heading')}
              </a>
            </p>
          </>,
        );
      case 'expired':
      case 'invalid':
        return page(req, reply, 410, 'confirm.title', 'confirm.expired');
      case 'unknown':
        return page(req, reply, 404, 'confirm.title', 'confirm.unknown');
    }
  });
}
