// The audit log for admins: newest first, 50 to a page, filtered by who acted and by what was changed.
// Before/after values are shown as they were recorded.
import type { User } from '../../../domain/account/account.js';
import type { AuditEvent, AuditFilter } from '../../../domain/account/account.ports.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { actionLabel, dateTime, entityLabel } from '../../views/editor/labels.js';
import { SelectField, SubmitButton, TextField } from '../../views/form-fields.js';

export interface AuditPageProps extends EditorPageBase {
  events: AuditEvent[];
  filter: AuditFilter;
  accounts: User[];
  entityTypes: string[];
  page: number;
  pages: number;
  total: number;
}

function query(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.actorId !== undefined) params.set('actor', String(filter.actorId));
  if (filter.entityType !== undefined) params.set('entityType', filter.entityType);
  if (filter.entityId !== undefined) params.set('entityId', filter.entityId);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <pre class="audit-json" dir="ltr">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

export function AuditPage(p: AuditPageProps) {
  const { tr } = p;
  const t = tr.t;
  return (
    <EditorPage page={p} title={t('editor.audit.title')} section="audit" heading>
      <form method="get" action="/editor/audit" class="editor-filters">
        <SelectField
          id="actor"
          label={t('editor.audit.actor')}
          blank={t('editor.audit.anyone')}
          options={p.accounts.map((u) => ({
            value: String(u.id),
            label: u.name ? `${u.name} (${u.email})` : u.email,
          }))}
          value={p.filter.actorId === undefined ? undefined : String(p.filter.actorId)}
        />
        <SelectField
          id="entityType"
          label={t('editor.audit.entityType')}
          blank={t('editor.audit.anything')}
          options={p.entityTypes.map((e) => ({ value: e, label: entityLabel(tr, e) }))}
          value={p.filter.entityType}
        />
        <TextField
          id="entityId"
          label={t('editor.audit.entityId')}
          value={p.filter.entityId ?? ''}
          maxLength={100}
        />
        <SubmitButton>{t('editor.audit.filter')}</SubmitButton>
      </form>

      <p>{t('editor.audit.count', { count: p.total })}</p>
      {p.events.length > 0 && (
        <ol class="audit-list">
          {p.events.map((e) => (
            <li key={e.id} class="audit-entry">
              <p class="audit-entry__head">
                <strong>{actionLabel(tr, e.action)}</strong>{' '}
                <a href={`/editor/audit${query({ entityType: e.entityType, entityId: e.entityId }, 1)}`}>
                  {entityLabel(tr, e.entityType)} <bdi>#{e.entityId}</bdi>
                </a>
              </p>
              <p class="audit-entry__meta">
                {dateTime(tr, e.createdAt)} ·{' '}
                {e.actorId !== null ? (
                  <a href={`/editor/audit${query({ actorId: e.actorId }, 1)}`} dir="ltr">
                    {e.actorEmail}
                  </a>
                ) : (
                  (e.actorEmail ?? t('editor.audit.system'))
                )}
              </p>
              {(e.before !== null || e.after !== null) && (
                <details>
                  <summary>{t('editor.audit.changes')}</summary>
                  <div class="audit-diff">
                    <div>
                      <h3>{t('editor.audit.before')}</h3>
                      <Json value={e.before} />
                    </div>
                    <div>
                      <h3>{t('editor.audit.after')}</h3>
                      <Json value={e.after} />
                    </div>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {p.pages > 1 && (
        <nav class="pager" aria-label={t('editor.audit.pages')}>
          {p.page > 1 && (
            <a href={`/editor/audit${query(p.filter, p.page - 1)}`} rel="prev">
              {t('editor.audit.newer')}
            </a>
          )}
          <span>{t('editor.audit.pageOf', { page: p.page, pages: p.pages })}</span>
          {p.page < p.pages && (
            <a href={`/editor/audit${query(p.filter, p.page + 1)}`} rel="next">
              {t('editor.audit.older')}
            </a>
          )}
        </nav>
      )}
    </EditorPage>
  );
}
