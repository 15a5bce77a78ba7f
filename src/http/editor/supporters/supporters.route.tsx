// /editor/supporters: a supporter's request received by post or email, answered through the same use
// cases as the my-data page. The address is sent by POST (never in a URL, so never in logs or history);
// downloads and erasures are audited; erasure needs its own permission and a ticked confirmation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { eraseSupporter } from '../../../domain/privacy/erase-supporter.js';
import { exportSupporter } from '../../../domain/privacy/export-supporter.js';
import type { PrivacyStore } from '../../../domain/privacy/privacy.ports.js';
import type { Clock } from '../../../domain/shared/clock.js';
import { parseEmail } from '../../../domain/signature/email-address.js';
import { erasedEmailKey } from '../../../security/email-key.js';
import { sendError } from '../../errors.js';
import { myDataCsv, myDataJson } from '../../public/my-data/my-data-export.js';
import { readForm } from '../../read-form.js';
import { field } from '../../schema-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { SupportersPage, type SupportersPageProps } from './supporters-page.js';

export interface SupportersEditorDeps {
  site: SiteInfo;
  clock: Clock;
  secret: string;
  privacy: PrivacyStore;
}

const findSchema = z.object({ email: field(400) });
const exportSchema = z.object({ format: z.enum(['json', 'csv']) });
const eraseSchema = z.object({ confirm: field(10) });
const idPattern = /^[1-9][0-9]{0,14}$/;
const exporting = { config: { permission: 'supporters:export' as const } };
const erasing = { config: { permission: 'supporters:erase' as const } };

export function supportersEditorRoutes(app: FastifyInstance, deps: SupportersEditorDeps): void {
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    props: Omit<SupportersPageProps, 'tr' | 'site' | 'user' | 'csrf'> = {},
    status = 200,
  ) => sendEditorPage(req, reply.code(status), deps.site, SupportersPage, props);
  const actor = (req: FastifyRequest) => ({ id: req.account!.user.id, email: req.account!.user.email });
  const idOf = (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    return idPattern.test(id) ? Number(id) : undefined;
  };

  app.get('/editor/supporters', exporting, async (req, reply) => {
    const { done, n } = req.query as { done?: unknown; n?: unknown };
    const count = typeof n === 'string' && /^[0-9]{1,9}$/.test(n) ? Number(n) : 0;
    return render(
      req,
      reply,
      done === 'erased' ? { notice: { key: 'editor.supporters.erased', values: { count } } } : {},
    );
  });

  app.post('/editor/supporters/find', exporting, async (req, reply) => {
    const body = readForm(req, reply, deps, findSchema);
    if (!body) return reply;
    const parsed = parseEmail(body.email);
    if (!parsed.ok) {
      return render(req, reply, { email: body.email, error: 'myData.email.invalid' }, 422);
    }
    const supporter = await deps.privacy.findSupporter(parsed.email.canonical);
    const found = supporter ? ((await deps.privacy.data(supporter.id)) ?? null) : null;
    return render(req, reply, { email: body.email, found });
  });

  app.post('/editor/supporters/:id/export', exporting, async (req, reply) => {
    const id = idOf(req);
    const body = exportSchema.safeParse(req.body ?? {});
    if (id === undefined || !body.success) return sendError(req, reply, deps.site, 400);
    const data = await exportSupporter(
      { privacy: deps.privacy, clock: deps.clock },
      { supporterId: id, actor: actor(req) },
    );
    if (!data) return sendError(req, reply, deps.site, 404);
    const format = body.data.format;
    return reply
      .header('content-disposition', `attachment; filename="supporter-${id}.${format}"`)
      .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
      .send(format === 'json' ? myDataJson(data) : myDataCsv(data));
  });

  app.post('/editor/supporters/:id/erase', erasing, async (req, reply) => {
    const id = idOf(req);
    const body = eraseSchema.safeParse(req.body ?? {});
    if (id === undefined || !body.success) return sendError(req, reply, deps.site, 400);
    if (body.data.confirm !== 'yes') {
      const found = (await deps.privacy.data(id)) ?? null;
      return render(req, reply, { found, error: 'editor.supporters.erase.unconfirmed' }, 422);
    }
    const result = await eraseSupporter(
      { privacy: deps.privacy, clock: deps.clock, keyedHash: (c) => erasedEmailKey(deps.secret, c) },
      { supporterId: id, via: 'editor', actor: actor(req) },
    );
    if (result.status === 'unknown') return sendError(req, reply, deps.site, 404);
    return reply.redirect(`/editor/supporters?done=erased&n=${result.counts.signatures}`, 303);
  });
}
