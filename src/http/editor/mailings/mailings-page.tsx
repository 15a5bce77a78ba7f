import { type MailingSummary, mailingKinds } from '../../../domain/mailing/mailing.js';
import { DataTable } from '../../views/data-table.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { campaignLanguageOptions, SelectField, SubmitButton } from '../../views/form-fields.js';
import { kindLabel, progressText, statusLabel } from './mailing-labels.js';

export interface MailingsPageProps extends EditorPageBase {
  mailings: MailingSummary[];
  campaigns: { id: number; headline: string }[];
}

export function MailingsPage(p: MailingsPageProps) {
  const t = p.tr.t;
  return (
    <EditorPage page={p} title={t('mailings.title')} section="mailings">
      <h1>{t('mailings.title')}</h1>
      <p>{t('mailings.intro')}</p>
      <form method="get" action="/editor/mailings/new" class="card">
        <h2>{t('mailings.new.heading')}</h2>
        <SelectField
          id="kind"
          label={t('mailings.field.kind')}
          options={mailingKinds.map((k) => ({ value: k, label: t(kindLabel[k]) }))}
          value="launch"
        />
        <SelectField
          id="campaign"
          label={t('mailings.field.campaign')}
          options={p.campaigns.map((c) => ({ value: String(c.id), label: c.headline }))}
          blank={t('mailings.field.campaignNone')}
        />
        <SelectField
          id="locale"
          label={t('mailings.field.sourceLocale')}
          options={campaignLanguageOptions(p.tr)}
          value="en"
        />
        <SubmitButton>{t('mailings.new.button')}</SubmitButton>
      </form>
      {p.mailings.length === 0 ? (
        <p>{t('mailings.none')}</p>
      ) : (
        <DataTable
          class="table"
          columns={[
            t('mailings.field.subject'),
            t('mailings.field.kind'),
            t('mailings.field.campaign'),
            t('mailings.table.status'),
            t('mailings.table.created'),
            t('mailings.table.progress'),
          ]}
        >
          {p.mailings.map((m) => (
            <tr key={m.id}>
              <td dir="auto">
                <a href={`/editor/mailings/${m.id}`}>{m.subject}</a>
              </td>
              <td>{t(kindLabel[m.kind])}</td>
              <td dir="auto">{m.campaignHeadline ?? '—'}</td>
              <td>{t(statusLabel[m.status])}</td>
              <td>{p.tr.date(m.createdAt, 'medium')}</td>
              <td>
                {m.progress.total === 0 ? (
                  '—'
                ) : (
                  <a href={`/editor/mailings/${m.id}/report`}>{progressText(p.tr, m.progress)}</a>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </EditorPage>
  );
}
