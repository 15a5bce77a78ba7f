// The translator's account setting for the daily digest (decision 0037): one checkbox, linked from the
// account page and from every digest mail. A redirect with a notice after saving.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../../domain/shared/clock.js';
import type { TranslationDigestStore } from '../../../domain/translation/translation-digest.ports.js';
import {
  setTranslationDigest,
  viewTranslationDigest,
} from '../../../domain/translation/translation-digest-setting.js';
import { readForm } from '../../read-form.js';
import { sendPage } from '../../render.js';
import { field } from '../../schema-fields.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { CheckField, Csrf, Notice } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { editorPage } from '../pages.js';
import { edit } from './step-answer.js';

export const digestSettingPath = '/editor/account/translation-digest';
const digestForm = z.object({ digest: field(10) });

function DigestSettingPage(p: EditorPageBase & { wanted: boolean; saved: boolean }) {
  const t = p.tr.t;
  const title = t('translationDigest.setting.title');
  return (
    <EditorPage page={p} title={title} section="account">
      <p>
        <a href="/editor/account">{t('translationDigest.setting.back')}</a>
      </p>
      <h1>{title}</h1>
      {p.saved && <Notice>{t('translationDigest.setting.saved')}</Notice>}
      <form method="post" action={digestSettingPath} class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        <CheckField id="digest" value="yes" label={t('translationDigest.setting.label')} checked={p.wanted} />
        <button class="button" type="submit">
          {t('translationDigest.setting.save')}
        </button>
      </form>
    </EditorPage>
  );
}

export function digestSettingRoutes(
  app: FastifyInstance,
  deps: { site: SiteInfo; clock: Clock; digests: TranslationDigestStore },
): void {
  app.get(digestSettingPath, edit, async (req, reply) => {
    const wanted = await viewTranslationDigest(deps, req.account!.user.id);
    const saved = (req.query as { done?: unknown } | undefined)?.done === 'saved';
    return sendPage(
      reply,
      <DigestSettingPage {...editorPage(req, deps.site)} wanted={wanted} saved={saved} />,
    );
  });

  app.post(digestSettingPath, edit, async (req, reply) => {
    const body = readForm(req, reply, deps, digestForm);
    if (!body) return reply;
    await setTranslationDigest(deps, req.account!.user.id, body.digest === 'yes');
    return reply.redirect(`${digestSettingPath}?done=saved`, 303);
  });
}
