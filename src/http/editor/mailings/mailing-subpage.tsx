// The frame of the pages under one mailing (report, preview): the editor layout, the way back to the
// mailing, and the page's heading.
import type { ComponentChildren } from 'preact';
import type { Mailing } from '../../../domain/mailing/mailing.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';

export interface MailingSubpageProps {
  page: EditorPageBase;
  mailing: Mailing;
  title: string;
  children: ComponentChildren;
}

export function MailingSubpage(p: MailingSubpageProps) {
  return (
    <EditorPage page={p.page} title={p.title} section="mailings">
      <BackLink href={`/editor/mailings/${p.mailing.id}`}>{p.page.tr.t('mailings.report.back')}</BackLink>
      <h1 dir="auto">{p.title}</h1>
      {p.children}
    </EditorPage>
  );
}
