import type { SuppressionReason } from '../../../domain/list-admin/list-admin.ports.js';
import type { SuppressedPage } from '../../../domain/list-admin/view-lists.js';
import type { StringKey } from '../../../i18n/translator.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { Csrf, SubmitButton, TextField } from '../../views/form-fields.js';

const reasonKeys: Record<SuppressionReason, StringKey> = {
  hard_bounce: 'editor.lists.suppressed.reason.hard_bounce',
  soft_bounces: 'editor.lists.suppressed.reason.soft_bounces',
  complaint: 'editor.lists.suppressed.reason.complaint',
};

export interface SuppressedPageProps extends EditorPageBase {
  search: string;
  page: SuppressedPage;
  /** Whether this page came from "Next page" (offers the way back to the first). */
  paged: boolean;
}

export function SuppressedAddressesPage(p: SuppressedPageProps) {
  const { tr } = p;
  const t = tr.t;
  const next = p.page.next;
  const cursor = next ? `${next.suppressedAt}.${next.id}` : '';
  /** Without a search a page is a link; with one, a button that posts the search again. */
  const pageLink = (after: string, label: string) =>
    p.search ? (
      <form method="post" action="/editor/lists/suppressed">
        <Csrf token={p.csrf} />
        <input type="hidden" name="q" value={p.search} />
        {after && <input type="hidden" name="after" value={after} />}
        <button class="link-button" type="submit">
          {label}
        </button>
      </form>
    ) : (
      <p>
        <a href={after ? `/editor/lists/suppressed?after=${after}` : '/editor/lists/suppressed'}>{label}</a>
      </p>
    );
  return (
    <EditorPage page={p} title={t('editor.lists.suppressed.title')} section="lists">
      <BackLink href="/editor/lists">{t('editor.lists.back')}</BackLink>
      <h1>{t('editor.lists.suppressed.title')}</h1>
      <p>{t('editor.lists.suppressed.intro')}</p>
      <form method="post" action="/editor/lists/suppressed" class="editor-filters">
        <Csrf token={p.csrf} />
        <TextField
          id="q"
          type="text"
          dir="ltr"
          label={t('editor.lists.suppressed.search')}
          value={p.search}
          maxLength={254}
        />
        <SubmitButton>{t('editor.lists.suppressed.find')}</SubmitButton>
      </form>
      {p.page.rows.length === 0 ? (
        <p>{t(p.search ? 'editor.lists.suppressed.noMatch' : 'editor.lists.suppressed.none')}</p>
      ) : (
        <ul class="editor-list">
          {p.page.rows.map((r) => (
            <li key={r.id} class="editor-list__item">
              <span>
                <bdi dir="ltr">{r.email}</bdi>
              </span>
              <span class="editor-list__meta">
                {t(reasonKeys[r.reason])} · {tr.date(r.suppressedAt, 'medium')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {next && pageLink(cursor, t('editor.lists.suppressed.next'))}
      {p.paged && pageLink('', t('editor.lists.suppressed.first'))}
    </EditorPage>
  );
}
