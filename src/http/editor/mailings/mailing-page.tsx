// The composer of one mailing: kind, campaign, source language, subject, preheader, Markdown body and the
// segment with its counted size; then, once saved, the translations (linked to the translation board), the
// preview, the test to yourself, and the state machine's actions (schedule, send now, pause, resume,
// cancel). Once sending has started the texts and segment are shown, not edited.
import type { User } from '../../../domain/account/account.js';
import {
  allowedActions,
  isEditable,
  type Mailing,
  type MailingTranslationState,
  mailingKinds,
} from '../../../domain/mailing/mailing.js';
import type { SegmentOptions } from '../../../domain/mailing/mailing.ports.js';
import type { MailingField, MailingForm, MailingInputError } from '../../../domain/mailing/mailing-input.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { DataTable } from '../../views/data-table.js';
import { BackLink, EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import {
  CheckField,
  Csrf,
  campaignLanguageOptions,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../views/form-fields.js';
import { renderMarkdown } from '../../views/markdown.js';
import { composerFields, kindLabel, statusLabel, utcMinutes } from './mailing-labels.js';
import { SegmentFields } from './segment-fields.js';

export interface MailingPageProps extends EditorPageBase {
  /** Undefined while composing a new one. */
  mailing?: Mailing;
  form: MailingForm;
  errors?: Partial<Record<MailingField, MailingInputError>>;
  options: SegmentOptions;
  campaigns: { id: number; headline: string }[];
  translations: MailingTranslationState[];
  size?: number;
  notice?: { key: StringKey; kind?: 'ok' | 'error' };
}

const fieldOrder: MailingField[] = [
  'kind',
  'campaignId',
  'sourceLocale',
  'subject',
  'preheader',
  'bodyMd',
  'locales',
  'countries',
  'signedCampaignId',
  'notSignedCampaignId',
  'minCampaignsLastYear',
  'subscribedSince',
  'partnerId',
];

function Translations({
  tr,
  mailing,
  translations,
}: {
  tr: Translator;
  mailing: Mailing;
  translations: MailingTranslationState[];
}) {
  const t = tr.t;
  const languages = [...new Set([...mailing.segment.locales, ...translations.map((x) => x.locale)])]
    .filter((l) => l !== mailing.sourceLocale)
    .sort();
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('mailings.translations.heading')}</h2>
      <p>
        <a href={`/editor/translations/mailings/${mailing.id}`}>{t('mailings.translations.link')}</a>
      </p>
      <DataTable class="table" columns={[t('mailings.table.language'), t('mailings.table.status')]}>
        <tr>
          <td>{tr.languageName(mailing.sourceLocale)}</td>
          <td>{t('translations.status.source')}</td>
        </tr>
        {languages.map((locale) => {
          const x = translations.find((y) => y.locale === locale);
          const status = !x
            ? t('translations.status.missing')
            : x.status === 'published'
              ? t('translations.status.published')
              : x.status === 'in_review'
                ? t('translations.status.inReview')
                : t('translations.status.draft');
          const stale = x && x.sourceRevision < mailing.revision;
          return (
            <tr key={locale} data-translation={locale}>
              <td>{tr.languageName(locale)}</td>
              <td>
                {status}
                {stale && ` · ${t('translations.status.stale')}`}
                {x?.status !== 'published' && (
                  <span class="help">
                    {' '}
                    —{' '}
                    {t('mailings.translations.fallback', {
                      language: tr.languageName(mailing.sourceLocale),
                    })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

function Actions({
  tr,
  csrf,
  user,
  mailing,
  size,
}: {
  tr: Translator;
  csrf: string;
  user: User;
  mailing: Mailing;
  size: number | undefined;
}) {
  const t = tr.t;
  const actions = allowedActions(mailing.status);
  const base = `/editor/mailings/${mailing.id}`;
  const testLanguages = [
    mailing.sourceLocale,
    ...mailing.segment.locales.filter((l) => l !== mailing.sourceLocale),
  ];
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('mailings.actions.heading')}</h2>
      <p>
        <a href={`${base}/preview?locale=${mailing.sourceLocale}`}>{t('mailings.preview.link')}</a>
        {' · '}
        <a href={`${base}/report`}>{t('mailings.report.link')}</a>
      </p>
      <form method="post" action={`${base}/test`} class="inline-form">
        <Csrf token={csrf} />
        <h3>{t('mailings.test.heading')}</h3>
        <SelectField
          id="test-locale"
          name="locale"
          label={t('mailings.test.language')}
          options={testLanguages.map((l) => ({ value: l, label: tr.languageName(l) }))}
          value={mailing.sourceLocale}
        />
        <SubmitButton kind="secondary">{t('mailings.test.button', { email: user.email })}</SubmitButton>
      </form>
      {mailing.status === 'scheduled' && mailing.scheduledAt !== null && (
        <p>{t('mailings.schedule.when', { time: utcMinutes(mailing.scheduledAt).replace('T', ' ') })}</p>
      )}
      {actions.includes('schedule') && (
        <form method="post" action={`${base}/schedule`}>
          <Csrf token={csrf} />
          <h3>{t('mailings.schedule.heading')}</h3>
          <div class="field">
            <label for="at">{t('mailings.schedule.at')}</label>
            <input
              type="datetime-local"
              id="at"
              name="at"
              required
              value={mailing.scheduledAt === null ? '' : utcMinutes(mailing.scheduledAt)}
            />
          </div>
          <SubmitButton kind="secondary">{t('mailings.schedule.button')}</SubmitButton>
        </form>
      )}
      {actions.includes('send') && (
        <form method="post" action={`${base}/send`}>
          <Csrf token={csrf} />
          <h3>{t('mailings.send.heading')}</h3>
          <CheckField
            id="confirm"
            value="yes"
            checked={false}
            required
            label={
              size === undefined
                ? t('mailings.send.confirmUncounted')
                : t('mailings.send.confirm', { count: size })
            }
          />
          <SubmitButton>{t('mailings.send.button')}</SubmitButton>
        </form>
      )}
      <div class="button-row">
        {(['pause', 'resume', 'cancel'] as const)
          .filter((a) => actions.includes(a))
          .map((a) => (
            <form method="post" action={`${base}/${a}`} key={a} class="inline-form">
              <Csrf token={csrf} />
              <button
                class={`button${a === 'cancel' ? ' button--danger' : ' button--secondary'}`}
                type="submit"
              >
                {t(`mailings.${a}.button`)}
              </button>
            </form>
          ))}
      </div>
    </section>
  );
}

export function MailingPage(p: MailingPageProps) {
  const t = p.tr.t;
  const m = p.mailing;
  const errors = p.errors ?? {};
  const { err, field } = composerFields(p.tr, p.form, errors);
  const editable = !m || isEditable(m.status);
  const title = m ? t('mailings.compose.title', { subject: m.subject }) : t('mailings.compose.titleNew');
  const summary = fieldOrder
    .filter((f) => errors[f])
    .map((f) => ({
      field: f,
      text: f === 'locales' && errors[f] === 'Required' ? t('mailings.error.listsRequired') : err(f)!,
    }));
  return (
    <EditorPage page={p} title={title} section="mailings">
      <BackLink href="/editor/mailings">{t('mailings.back')}</BackLink>
      <h1 dir="auto">{title}</h1>
      {p.notice && <Notice kind={p.notice.kind ?? 'ok'}>{t(p.notice.key)}</Notice>}
      {m && (
        <p>
          {t(kindLabel[m.kind])} · <strong>{t(statusLabel[m.status])}</strong>
        </p>
      )}
      <ErrorSummary title={t('form.errors.summary', { count: summary.length })} errors={summary} />
      {editable ? (
        <form method="post" action={m ? `/editor/mailings/${m.id}` : '/editor/mailings'} novalidate>
          <Csrf token={p.csrf} />
          <SelectField
            {...field('kind')}
            label={t('mailings.field.kind')}
            options={mailingKinds.map((k) => ({ value: k, label: t(kindLabel[k]) }))}
          />
          <SelectField
            {...field('campaignId')}
            label={t('mailings.field.campaign')}
            options={p.campaigns.map((c) => ({ value: String(c.id), label: c.headline }))}
            blank={t('mailings.field.campaignNone')}
          />
          <SelectField
            {...field('sourceLocale')}
            label={t('mailings.field.sourceLocale')}
            options={campaignLanguageOptions(p.tr)}
          />
          <TextField
            {...field('subject')}
            label={t('mailings.field.subject')}
            dir="auto"
            lang={p.form.sourceLocale}
            required
            maxLength={200}
          />
          <TextField
            {...field('preheader')}
            label={t('mailings.field.preheader')}
            help={t('mailings.field.preheaderHelp')}
            dir="auto"
            lang={p.form.sourceLocale}
            maxLength={200}
          />
          <TextArea
            {...field('bodyMd')}
            label={t('mailings.field.body')}
            help={t('mailings.field.bodyHelp')}
            rows={16}
            dir="auto"
            lang={p.form.sourceLocale}
            required
            maxLength={20_000}
          />
          <SegmentFields {...p} errors={errors} />
          <SubmitButton name="intent" value="save">
            {t('mailings.save')}
          </SubmitButton>
        </form>
      ) : (
        m && (
          <section>
            <Notice>{t('mailings.locked')}</Notice>
            <p dir="auto">
              <strong>{m.subject}</strong>
            </p>
            {m.preheader && <p dir="auto">{m.preheader}</p>}
            <div
              dir="auto"
              lang={m.sourceLocale}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(m.bodyMd) }}
            />
          </section>
        )
      )}
      {m && <Translations tr={p.tr} mailing={m} translations={p.translations} />}
      {m && <Actions tr={p.tr} csrf={p.csrf} user={p.user} mailing={m} size={p.size} />}
      <script src="/assets/mailings.js" defer />
    </EditorPage>
  );
}
