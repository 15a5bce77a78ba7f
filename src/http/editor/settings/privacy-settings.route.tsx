// /editor/settings/privacy: admins set how long personal data lives. The daily purge and the public privacy
// page read the same stored values (config/settings.ts `privacyRetention`), so the page never promises
// other numbers than the purge keeps to.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Retention } from '../../../domain/privacy/purge-retention.js';
import type { StringKey } from '../../../i18n/translator.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { field } from '../../schema-fields.js';
import { EditorPage } from '../../views/editor/editor-layout.js';
import { Csrf, Notice, TextField } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { editorPage } from '../pages.js';

export interface PrivacySettingsDeps {
  site: SiteInfo;
  retention: { get(): Promise<Retention>; set(value: Retention): Promise<void> };
}

const bodySchema = z.object({ signerMonths: field(10), auditMonths: field(10), deliveryMonths: field(10) });
type Field = keyof z.infer<typeof bodySchema>;
const monthsPattern = /^[0-9]{1,3}$/;
const validMonths = (text: string) =>
  monthsPattern.test(text.trim()) && Number(text) >= 1 && Number(text) <= 240;

export function privacySettingsRoutes(app: FastifyInstance, deps: PrivacySettingsDeps): void {
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<Field, string>,
    state: { saved?: boolean; errors?: Partial<Record<Field, StringKey>> } = {},
    status = 200,
  ) => {
    const t = req.tr.t;
    return sendPage(
      reply,
      <EditorPage page={editorPage(req, deps.site)} title={t('editor.retention.title')}>
        <h1>{t('editor.retention.title')}</h1>
        {state.saved && <Notice>{t('editor.retention.saved')}</Notice>}
        <p>{t('editor.retention.intro')}</p>
        <form method="post" action="/editor/settings/privacy">
          <Csrf token={req.csrfToken} />
          <TextField
            id="signerMonths"
            label={t('editor.retention.signerMonths')}
            inputMode="numeric"
            value={values.signerMonths}
            error={state.errors?.signerMonths && t(state.errors.signerMonths)}
          />
          <TextField
            id="auditMonths"
            label={t('editor.retention.auditMonths')}
            inputMode="numeric"
            value={values.auditMonths}
            error={state.errors?.auditMonths && t(state.errors.auditMonths)}
          />
          <TextField
            id="deliveryMonths"
            label={t('editor.retention.deliveryMonths')}
            inputMode="numeric"
            value={values.deliveryMonths}
            error={state.errors?.deliveryMonths && t(state.errors.deliveryMonths)}
          />
          <button class="button" type="submit">
            {t('editor.retention.save')}
          </button>
        </form>
      </EditorPage>,
      status,
    );
  };

  app.get('/editor/settings/privacy', { config: { permission: 'settings:manage' } }, async (req, reply) => {
    const current = await deps.retention.get();
    const { done } = req.query as { done?: unknown };
    return render(
      req,
      reply,
      {
        signerMonths: String(current.signerMonths),
        auditMonths: String(current.auditMonths),
        deliveryMonths: String(current.deliveryMonths),
      },
      { saved: done === 'saved' },
    );
  });

  app.post('/editor/settings/privacy', { config: { permission: 'settings:manage' } }, async (req, reply) => {
    const body = readForm(req, reply, deps, bodySchema);
    if (!body) return reply;
    const { signerMonths, auditMonths, deliveryMonths } = body;
    const errors = {
      ...(validMonths(signerMonths) ? {} : { signerMonths: 'editor.retention.invalid' as const }),
      ...(validMonths(auditMonths) ? {} : { auditMonths: 'editor.retention.invalid' as const }),
      ...(validMonths(deliveryMonths) ? {} : { deliveryMonths: 'editor.retention.invalid' as const }),
    };
    if (Object.keys(errors).length > 0) return render(req, reply, body, { errors }, 422);
    await deps.retention.set({
      signerMonths: Number(signerMonths),
      auditMonths: Number(auditMonths),
      deliveryMonths: Number(deliveryMonths),
    });
    return reply.redirect('/editor/settings/privacy?done=saved', 303);
  });
}
