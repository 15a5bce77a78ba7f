// The unsubscribe link in every mailing (`List-Unsubscribe`, RFC 8058). A POST unsubscribes from every list
// at once and answers 200: mail clients send it with the body `List-Unsubscribe=One-Click` and cannot send
// a form token, so the signed list token in the URL is the whole key. A GET (link scanners fetch URLs)
// changes nothing: it shows a page whose button sends that same POST. Mail clients may post multipart, as
// RFC 8058 prefers: its fields are read and dropped (no files are kept), the body means nothing here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ListStore } from '../../../domain/list/list.ports.js';
import { unsubscribe } from '../../../domain/list/unsubscribe.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { listLinks, parseListToken } from '../../../security/list-token.js';
import type { UploadGate } from '../../security/multipart.js';
import type { SiteInfo } from '../../views/layout.js';
import { ListMessagePage, sendListPage } from './list-page.js';
import { UnsubscribedPage, UnsubscribePage } from './preferences-pages.js';

export interface UnsubscribeRouteDeps {
  site: SiteInfo;
  clock: Clock;
  /** APP_SECRET: keys list tokens. */
  secret: string;
  lists: Pick<ListStore, 'person' | 'leave'>;
}

/** A one-click POST in multipart: its fields are read, nothing in it is kept. */
const oneClickMultipart: UploadGate = {
  tokenField: 'List-Unsubscribe',
  admits: () => false,
  otherwise: 'drop-files',
  maxFiles: 0,
};

export function unsubscribeRoutes(app: FastifyInstance, deps: UnsubscribeRouteDeps): void {
  async function personOf(req: FastifyRequest) {
    const { token } = req.params as { token: string };
    const supporterId = parseListToken(token, deps.secret);
    const person = supporterId === null ? undefined : await deps.lists.person(supporterId);
    return person && { person, preferences: listLinks('', req.contentLocale, token).preferences };
  }

  const unknown = (req: FastifyRequest, reply: Parameters<typeof sendListPage>[0]) =>
    sendListPage(
      reply,
      <ListMessagePage tr={req.tr} site={deps.site} title="unsubscribe.title" body="unsubscribe.invalid" />,
      404,
    );

  app.get('/unsubscribe/:token', async (req, reply) => {
    const found = await personOf(req);
    if (!found) return unknown(req, reply);
    const { token } = req.params as { token: string };
    return sendListPage(
      reply,
      <UnsubscribePage
        tr={req.tr}
        site={deps.site}
        action={`/unsubscribe/${token}`}
        preferences={found.preferences}
      />,
    );
  });

  app.post('/unsubscribe/:token', { config: { uploads: oneClickMultipart } }, async (req, reply) => {
    const found = await personOf(req);
    if (!found) return unknown(req, reply);
    await unsubscribe(
      { lists: deps.lists, clock: deps.clock },
      { supporterId: found.person.supporterId, via: 'one-click' },
    );
    return sendListPage(
      reply,
      <UnsubscribedPage tr={req.tr} site={deps.site} preferences={found.preferences} />,
    );
  });
}
