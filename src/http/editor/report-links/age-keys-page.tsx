// The editors' page of a campaign's partners' age public keys (decision 0033): which partner has one (its
// start and end, to compare with what the partner sent), a field to set or replace it, a button to remove
// it. A partner with a key receives every signer file encrypted to it.
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import type { PartnerAgeKey } from '../../../domain/partner-report/partner-age-key.js';
import { isolate } from '../../../i18n/translator.js';
import { shortRecipient } from '../../../security/age-export.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { RosterPage } from '../../views/editor/roster-page.js';
import { Csrf, ErrorSummary, Notice, SubmitButton, TextField } from '../../views/form-fields.js';

export interface AgeKeysPageProps extends EditorPageBase {
  campaign: RosterCampaign;
  keys: PartnerAgeKey[];
  notice?: string | undefined;
  /** A key that did not parse: the partner it was for and what was typed, shown again. */
  invalid?: { partnerId: number; text: string } | undefined;
}

export function AgeKeysPage(p: AgeKeysPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/age-keys`;
  const fieldId = (partnerId: number) => `age-key-${partnerId}`;
  const errors = p.invalid ? [{ field: fieldId(p.invalid.partnerId), text: t('ageKeys.error.invalid') }] : [];
  return (
    <RosterPage {...p} title={t('ageKeys.title')} back={{ to: 'report-links', label: t('ageKeys.back') }}>
      {p.notice && <Notice>{p.notice}</Notice>}
      <ErrorSummary title={t('form.errors.summary', { count: errors.length })} errors={errors} />
      <p class="help">{t('ageKeys.help')}</p>
      {p.keys.length === 0 ? (
        <p>{t('reportLinks.noPartners')}</p>
      ) : (
        p.keys.map((k) => {
          const invalid = p.invalid?.partnerId === k.partnerId ? p.invalid : undefined;
          return (
            <section class="editor-panel" key={k.partnerId} aria-labelledby={`${fieldId(k.partnerId)}-name`}>
              <h2 id={`${fieldId(k.partnerId)}-name`} dir="auto">
                {k.name}
              </h2>
              <p>
                {k.recipient
                  ? t('ageKeys.has', { key: isolate(shortRecipient(k.recipient)) })
                  : t('ageKeys.none')}
              </p>
              <form method="post" action={`${base}/${k.partnerId}`} class="editor-form" novalidate>
                <Csrf token={p.csrf} />
                <TextField
                  id={fieldId(k.partnerId)}
                  name="key"
                  label={t('ageKeys.label')}
                  value={invalid?.text ?? ''}
                  error={invalid ? t('ageKeys.error.invalid') : undefined}
                  autofocus={invalid !== undefined}
                  dir="ltr"
                  autocomplete="off"
                  placeholder="age1…"
                  maxLength={200}
                />
                <div class="editor-actions">
                  <SubmitButton>{t('ageKeys.save')}</SubmitButton>
                </div>
              </form>
              {k.recipient && (
                <form method="post" action={`${base}/${k.partnerId}`}>
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="key" value="" />
                  <SubmitButton kind="secondary">{t('ageKeys.remove')}</SubmitButton>
                </form>
              )}
            </section>
          );
        })
      )}
    </RosterPage>
  );
}
