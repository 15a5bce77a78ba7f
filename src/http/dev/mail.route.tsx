// The demo's local mail catcher: lists and shows every email captured under MAIL_CAPTURE_DIR instead of
// sent. Registered only when mail is captured (no SMTP_URL) and MAIL_VIEWER=true, which the demo sets.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listCapturedMail, readCapturedMail } from '../../mail/capture.transport.js';
import type { Address } from '../../mail/transport.js';
import { sendError } from '../errors.js';
import { sendPage } from '../render.js';
import { DataTable } from '../views/data-table.js';
import { Layout, type SiteInfo } from '../views/layout.js';

/** `Name <address>`, or the bare address (an object rendered as a child would print nothing). */
export function formatAddress(a: Address | null): string {
  if (!a) return '';
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

/**
 * Each page answers at /dev/mail and at /{locale}/dev/mail: the language menu links to the prefixed form,
 * which the locale middleware reads (and remembers) like any other page's.
 */
export function mailViewerRoutes(app: FastifyInstance, deps: { dir: string; site: SiteInfo }): void {
  const list = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const tr = req.tr;
    const mails = await listCapturedMail(deps.dir, { limit: 200 });
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <Layout tr={tr} site={deps.site} title={tr.t('mail.title')} path="/dev/mail">
        <h1>{tr.t('mail.title')}</h1>
        <p class="lead">{tr.t('mail.intro')}</p>
        {mails.length === 0 ? (
          <p class="empty">{tr.t('mail.none')}</p>
        ) : (
          <div class="table-scroll">
            <DataTable
              class="mail-list"
              columns={[
                tr.t('mail.col.date'),
                tr.t('mail.col.from'),
                tr.t('mail.col.to'),
                tr.t('mail.col.subject'),
              ]}
            >
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{m.date ? new Date(m.date).toISOString().replace('T', ' ').slice(0, 19) : ''}</td>
                  <td dir="auto">{formatAddress(m.from)}</td>
                  <td dir="auto">{m.to.map(formatAddress).join(', ')}</td>
                  <td dir="auto">
                    <a href={`/dev/mail/${m.id}`}>{m.subject || '—'}</a>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Layout>,
    );
  };
  app.get('/dev/mail', list);
  app.get('/:locale/dev/mail', list);

  const one = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.localeValid) return sendError(req, reply, deps.site, 404);
    const { id } = req.params as { id: string };
    const mail = await readCapturedMail(deps.dir, id);
    if (!mail) return sendError(req, reply, deps.site, 404);
    const tr = req.tr;
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <Layout tr={tr} site={deps.site} title={mail.subject || tr.t('mail.title')} path={`/dev/mail/${id}`}>
        <p>
          <a href="/dev/mail">← {tr.t('mail.back')}</a>
        </p>
        <h1 dir="auto">{mail.subject}</h1>
        <dl class="mail-meta">
          <dt>{tr.t('mail.col.from')}</dt>
          <dd dir="auto">{formatAddress(mail.from)}</dd>
          <dt>{tr.t('mail.col.to')}</dt>
          <dd dir="auto">{mail.to.map(formatAddress).join(', ')}</dd>
          {mail.replyTo && (
            <>
              <dt>{tr.t('mail.replyTo')}</dt>
              <dd dir="auto">{formatAddress(mail.replyTo)}</dd>
            </>
          )}
        </dl>
        <pre class="mail-body" dir="auto">
          {mail.text}
        </pre>
        <details>
          <summary>{tr.t('mail.headers')}</summary>
          <pre class="mail-headers">{mail.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
        </details>
      </Layout>,
    );
  };
  app.get('/dev/mail/:id', one);
  app.get('/:locale/dev/mail/:id', one);
}
