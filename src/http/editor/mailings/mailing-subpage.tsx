// The frame of the pages under one mailing (report, preview): the editor layout, the way back to the
// mailing, and the page's heading.
import type { ComponentChildren } from 'preact';
import type { User } from '../../../domain/account/account.js';
import type { Mailing } from '../../../domain/mailing/mailing.js';
import type { Translator } from '../../../i18n/translator.js';
import { EditorLayout } from '../../views/editor/editor-layout.js';
import type { SiteInfo } from '../../views/layout.js';

export interface MailingSubpageProps {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
  mailing: Mailing;
  title: string;
  children: ComponentChildren;
}

export function MailingSubpage(p: MailingSubpageProps) {
  return (
    <EditorLayout tr={p.tr} site={p.site} title={p.title} user={p.user} csrfToken={p.csrf} section="mailings">
      <p>
        <a href={`/editor/mailings/${p.mailing.id}`}>{p.tr.t('mailings.report.back')}</a>
      </p>
      <h1 dir="auto">{p.title}</h1>
      {p.children}
    </EditorLayout>
  );
}
