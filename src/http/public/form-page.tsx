// Sending a public page drawn for one visitor (a fresh form token, their input and errors): `Page` gets the
// props every public page takes and its own `props`, as `sendEditorPage` does for the editor, and no cache
// keeps the page. The status is the reply's: 200 unless the route set another first (`reply.code(422)`).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FunctionComponent } from 'preact';
import type { Translator } from '../../i18n/translator.js';
import { sendPage } from '../render.js';
import type { SiteInfo } from '../views/layout.js';

/** The props every public page takes. */
export interface PublicPageBase {
  tr: Translator;
  site: SiteInfo;
}

export function sendFormPage<P extends PublicPageBase>(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  Page: FunctionComponent<P>,
  props: NoInfer<Omit<P, keyof PublicPageBase>>,
): FastifyReply {
  const all = { tr: req.tr, site, ...props } as P;
  return sendPage(reply.header('cache-control', 'no-store'), <Page {...all} />, reply.statusCode);
}
