import type { CampaignWithContent } from '../../../domain/campaign/campaign.js';
import {
  displaySigner,
  formatCursor,
  type PetitionCursor,
  type PetitionSignerRow,
} from '../../../domain/petition/petition.js';
import { isolate } from '../../../i18n/translator.js';
import { countryName } from '../../views/country-names.js';
import { CampaignHeading } from '../../views/editor/campaign-heading.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { dateTime } from '../../views/editor/labels.js';
import { Csrf, DayField, Notice, SelectField, SubmitButton, TextField } from '../../views/form-fields.js';

export interface PetitionEditorPageProps extends EditorPageBase {
  campaign: CampaignWithContent;
  headline: string;
  rows: PetitionSignerRow[];
  next: PetitionCursor | null;
  first: boolean;
  notice?: string | undefined;
  /** Partners that gave an age key: the export can be encrypted to one of them. */
  keyedPartners: { id: number; name: string }[];
}

export function PetitionEditorPage(p: PetitionEditorPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/petition`;
  /** The country and language filters: codes, typed left to right, empty until chosen. */
  const code = { value: '', dir: 'ltr', autocomplete: 'off' } as const;
  const title = t('petitionEditor.title');
  return (
    <EditorPage page={p} title={title} section="campaigns">
      <CampaignHeading tr={tr} campaign={{ slug: campaign.slug, headline: p.headline }} title={title} />
      {p.notice && <Notice>{p.notice}</Notice>}
      <p class="help">{t('petitionEditor.help')}</p>
      <p>
        <a href={`/${campaign.sourceLocale}/campaigns/${campaign.slug}/petition`}>
          {t('petitionEditor.public')}
        </a>
      </p>
      <section class="editor-panel" aria-labelledby="export-title">
        <h2 id="export-title">{t('petitionExport.title')}</h2>
        <p class="help">{t('petitionExport.help')}</p>
        <p>
          <a href={`/editor/campaigns/${campaign.slug}/dossiers`}>{t('editor.dossier.link')}</a>
        </p>
        <form method="get" action={`${base}/export.csv`} class="editor-form">
          <TextField id="country" label={t('petitionExport.country')} maxLength={2} {...code} />
          <TextField id="language" label={t('petitionExport.language')} maxLength={20} {...code} />
          <DayField id="from" label={t('petitionExport.from')} value="" autocomplete="off" />
          <DayField id="to" label={t('petitionExport.to')} value="" autocomplete="off" />
          {p.keyedPartners.length > 0 && (
            <SelectField
              id="partner"
              label={t('petitionExport.partner')}
              options={[
                { value: '', label: t('petitionExport.partnerNone') },
                ...p.keyedPartners.map((x) => ({ value: String(x.id), label: x.name })),
              ]}
              value=""
            />
          )}
          <SubmitButton>{t('petitionExport.download')}</SubmitButton>
        </form>
      </section>
      {p.rows.length === 0 ? (
        <p>{t('petition.empty')}</p>
      ) : (
        <ul class="editor-list">
          {p.rows.map((r) => {
            const shown = displaySigner(r, campaign.petitionNames);
            const place = countryName(tr.locale, r.country);
            const appears =
              shown.name ??
              (place ? t('petition.anonymous', { country: place }) : t('petition.anonymousNowhere'));
            return (
              <li key={r.id} class={`editor-list__item${r.hidden ? ' editor-list__item--disabled' : ''}`}>
                <form method="post" action={`${base}/${r.hidden ? 'show' : 'hide'}`} class="petition-row">
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="id" value={String(r.id)} />
                  <div>
                    <strong>
                      <bdi>{r.name}</bdi>
                    </strong>
                    {r.hidden && <span class="badge"> {t('petitionEditor.hidden')}</span>}
                    <br />
                    <span class="help">
                      {t('petitionEditor.appearsAs', { name: isolate(appears) })}
                      {r.union && (
                        <>
                          {' · '}
                          <bdi>{r.union}</bdi>
                        </>
                      )}
                      {place && ` · ${place}`} · {dateTime(tr, r.signedAt)}
                    </span>
                  </div>
                  <button
                    class={`button button--small${r.hidden ? '' : ' button--danger'}`}
                    type="submit"
                    aria-label={t(r.hidden ? 'petitionEditor.showOne' : 'petitionEditor.hideOne', {
                      name: isolate(r.name),
                    })}
                  >
                    {t(r.hidden ? 'petitionEditor.show' : 'petitionEditor.hide')}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <p class="petition__pages">
        {!p.first && <a href={base}>{t('petition.newest')}</a>}
        {p.next && (
          <a rel="next" href={`${base}?after=${formatCursor(p.next)}`}>
            {t('petition.older')}
          </a>
        )}
      </p>
    </EditorPage>
  );
}
