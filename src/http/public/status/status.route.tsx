// A supporter's own delivery status, linked from the thank-you mail and the confirmation page:
// "your message was delivered to 5 of 6 addresses", target by target. The link carries a MAC, not a
// login. JSON for the page's own script, which reloads it when something changed.
import type { FastifyInstance } from 'fastify';
import type { SupporterView } from '../../../domain/delivery/delivery.js';
import {
  type DeliveryStatusReader,
  viewDeliveryStatus,
} from '../../../domain/delivery/view-delivery-status.js';
import type { StringKey } from '../../../i18n/translator.js';
import { parseStatusToken } from '../../../security/status-token.js';
import { sendError } from '../../errors.js';
import { sendPage } from '../../render.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export interface StatusDeps {
  site: SiteInfo;
  secret: string;
  deliveryStatus: DeliveryStatusReader;
}

const viewLabel: Record<SupporterView, StringKey> = {
  delivered: 'status.view.delivered',
  waiting: 'status.view.waiting',
  held: 'status.view.held',
  not_delivered: 'status.view.notDelivered',
  uncertain: 'status.view.uncertain',
  petition: 'status.view.petition',
};

export function statusRoutes(app: FastifyInstance, deps: StatusDeps): void {
  app.get('/:locale/status/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const id = parseStatusToken(token, deps.secret);
    if (!req.localeValid || id === null) return sendError(req, reply, deps.site, 404);
    const view = await viewDeliveryStatus({ status: deps.deliveryStatus }, id);
    if (view.status === 'not_found') return sendError(req, reply, deps.site, 404);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (req.headers.accept?.includes('application/json')) {
      return reply.send(
        view.status === 'ok'
          ? { status: view.status, delivered: view.delivered, total: view.total, settling: view.settling }
          : { status: view.status },
      );
    }
    const tr = req.tr;
    const t = tr.t;
    const campaignHref = `/${req.contentLocale}/campaigns/${view.campaignSlug}`;
    return sendPage(
      reply,
      <Layout
        tr={tr}
        site={deps.site}
        title={t('status.title')}
        path={`/status/${token}`}
        head={<meta name="robots" content="noindex" />}
        scripts={view.status === 'ok' && view.settling ? ['/assets/status.js'] : []}
      >
        <section class="status" data-delivered={view.status === 'ok' ? view.delivered : undefined}>
          <h1>{t('status.title')}</h1>
          {view.status === 'unconfirmed' && <p class="notice notice--important">{t('status.unconfirmed')}</p>}
          {view.status === 'petition' && <p>{t('status.petition')}</p>}
          {view.status === 'ok' && (
            <>
              <p class="status__summary">
                {t('status.summary', { delivered: view.delivered, total: view.total })}
              </p>
              <ul class="status__list">
                {view.targets.map((target, i) => (
                  <li key={i} class={`status__item status__item--${target.view}`}>
                    <span class="status__name" dir="auto">
                      {target.name}
                      {target.organisation && target.organisation !== target.name
                        ? `, ${target.organisation}`
                        : ''}
                    </span>
                    <span class="status__state">{t(viewLabel[target.view])}</span>
                  </li>
                ))}
              </ul>
              {view.settling && <p class="status__note">{t('status.pacing')}</p>}
              {view.targets.some((target) => target.view === 'held') && (
                <p class="status__note">{t('status.heldNote')}</p>
              )}
              {view.settling && (
                <p>
                  <a href={`/${req.contentLocale}/status/${token}`}>{t('status.refresh')}</a>
                </p>
              )}
            </>
          )}
          <p>
            <a href={campaignHref}>{t('status.back')}</a>
          </p>
        </section>
      </Layout>,
    );
  });
}
