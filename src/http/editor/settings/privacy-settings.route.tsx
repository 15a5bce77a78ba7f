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
import { Csrf, Notice, SubmitButton, TextField } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { editorPage } from '../pages.js';

export interface PrivacySettingsDeps {
  site: SiteInfo;
  retention: { get(): Promise<Retention>; set(value: Retention): Promise<void> };
}

const fields = ['signerMonths', 'auditMonths', 'deliveryMonths'] as const;
type Field = (typeof fields)[number];
const bodySchema = z.object({ signerMonths: field(10), auditMonths: field(10), deliveryMonths: field(10) });
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
          {fields.map((f) => {
            const error = state.errors?.[f];
            return (
              <TextField
                key={f}
                id={f}
                label={t(`editor.retention.${f}`)}
                inputMode="numeric"
                value={values[f]}
                error={error && t(error)}
              />
            );
          })}
          <SubmitButton>{t('editor.retention.save')}</SubmitButton>
        </form>
      </EditorPage>,
      status,
    );
  };

  app.get('/editor/settings/privacy', { config: { permission: 'settings:manage' } }, async (req, reply) => {
    const current = await deps.retention.get();
    const { done } = req.query as { done?: unknown };
    const values = Object.fromEntries(fields.map((f) => [f, String(current[f])])) as Record<Field, string>;
    return render(req, reply, values, { saved: done === 'saved' });
  });

  app.post('/editor/settings/privacy', { config: { permission: 'settings:manage' } }, async (req, reply) => {
    const body = readForm(req, reply, deps, bodySchema);
    if (!body) return reply;
    const wrong = fields.filter((f) => !validMonths(body[f]));
    if (wrong.length > 0) {
      const errors = Object.fromEntries(wrong.map((f) => [f, 'editor.retention.invalid' as const]));
      return render(req, reply, body, { errors }, 422);
    }
    await deps.retention.set({
      signerMonths: Number(body.signerMonths),
      auditMonths: Number(body.auditMonths),
      deliveryMonths: Number(body.deliveryMonths),
    });
    return reply.redirect('/editor/settings/privacy?done=saved', 303);
  });
}
