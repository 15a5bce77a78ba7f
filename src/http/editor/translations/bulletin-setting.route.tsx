// The account setting for the daily bulletin (decision 0037): one checkbox, linked from the account page and
// from every bulletin mail. A redirect with a notice after saving. Translators get the bulletin for their
// languages; editors and admins, who review every language, get it for the translations waiting for review
// (0039), so their box says that.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../../domain/account/permissions.js';
import type { Clock } from '../../../domain/shared/clock.js';
import type { TranslatorBulletinStore } from '../../../domain/translation/translator-bulletin.ports.js';
import {
  setTranslatorBulletin,
  viewTranslatorBulletin,
} from '../../../domain/translation/translator-bulletin-setting.js';
import { readForm } from '../../read-form.js';
import { field } from '../../schema-fields.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { CheckField, Csrf, Notice, SubmitButton } from '../../views/form-fields.js';
import type { SiteInfo } from '../../views/layout.js';
import { sendEditorPage } from '../pages.js';
import { edit } from './step-answer.js';

export const bulletinSettingPath = '/editor/account/translator-bulletin';
const bulletinForm = z.object({ bulletin: field(10) });

function BulletinSettingPage(p: EditorPageBase & { reviewer: boolean; wanted: boolean; saved: boolean }) {
  const t = p.tr.t;
  const title = t('translatorBulletin.setting.title');
  return (
    <EditorPage page={p} title={title} section="account">
      <BackLink href="/editor/account">{t('translatorBulletin.setting.back')}</BackLink>
      <h1>{title}</h1>
      {p.saved && <Notice>{t('translatorBulletin.setting.saved')}</Notice>}
      <form method="post" action={bulletinSettingPath} class="editor-form" novalidate>
        <Csrf token={p.csrf} />
        <CheckField
          id="bulletin"
          value="yes"
          label={t(
            p.reviewer ? 'translatorBulletin.setting.reviewLabel' : 'translatorBulletin.setting.label',
          )}
          checked={p.wanted}
        />
        <SubmitButton>{t('translatorBulletin.setting.save')}</SubmitButton>
      </form>
    </EditorPage>
  );
}

export function bulletinSettingRoutes(
  app: FastifyInstance,
  deps: { site: SiteInfo; clock: Clock; bulletins: TranslatorBulletinStore },
): void {
  app.get(bulletinSettingPath, edit, async (req, reply) => {
    const { role, id } = req.account!.user;
    const wanted = await viewTranslatorBulletin(deps, id);
    const saved = (req.query as { done?: unknown } | undefined)?.done === 'saved';
    return sendEditorPage(req, reply, deps.site, BulletinSettingPage, {
      reviewer: can(role, 'translations:review'),
      wanted,
      saved,
    });
  });

  app.post(bulletinSettingPath, edit, async (req, reply) => {
    const body = readForm(req, reply, deps, bulletinForm);
    if (!body) return reply;
    await setTranslatorBulletin(deps, req.account!.user.id, body.bulletin === 'yes');
    return reply.redirect(`${bulletinSettingPath}?done=saved`, 303);
  });
}
