// What an account is limited to, on the admins' account pages: for a partner the campaigns it is attached to
// (remove one, attach another), for a translator a box per language and their standing in each (decision
// 0039). Plain forms, one use case each, usable
// without JavaScript. The campaign page's list of partner accounts is partner-access.tsx.
import type { User } from '../../../domain/account/account.js';
import type { ScopeCampaign } from '../../../domain/account/account-scopes.js';
import {
  type LanguageGrant,
  type LanguageStanding,
  languageStandings,
} from '../../../domain/translation/language-standing.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { campaignStatusKeys } from '../../views/editor/labels.js';
import { Csrf, Notice, SelectField, SubmitButton } from '../../views/form-fields.js';

/** A refused scope change shown again: the message, and the boxes as they were ticked. */
export interface ScopeFormState {
  form: 'attach' | 'languages' | 'standings';
  error: string;
  /** The languages ticked when the form was sent (kept on a refusal). */
  ticked?: string[];
}

export type ScopeSection =
  | { kind: 'partner'; attached: ScopeCampaign[]; choices: ScopeCampaign[]; state?: ScopeFormState }
  | {
      kind: 'translator';
      languages: string[];
      /** The languages with the translator's standing in each, sorted by tag. */
      grants: LanguageGrant[];
      choices: string[];
      state?: ScopeFormState;
    };

export const standingKeys: Record<LanguageStanding, StringKey> = {
  translator: 'scopes.standing.translator',
  trusted: 'scopes.standing.trusted',
  coordinator: 'scopes.standing.coordinator',
};

const campaignTitle = (c: ScopeCampaign) => c.headline ?? c.slug;

interface SectionProps<K extends ScopeSection['kind']> {
  tr: Translator;
  csrf: string;
  subject: User;
  s: Extract<ScopeSection, { kind: K }>;
}

function PartnerCampaigns({ tr, csrf, subject, s }: SectionProps<'partner'>) {
  const t = tr.t;
  const attached = new Set(s.attached.map((c) => c.id));
  const available = s.choices.filter((c) => !attached.has(c.id));
  const error = s.state?.form === 'attach' ? s.state.error : undefined;
  return (
    <section class="editor-panel scope" id="scope" aria-labelledby="scope-title">
      <h2 id="scope-title">{t('scopes.partner.title')}</h2>
      <p class="help">{t('scopes.partner.help')}</p>
      {s.attached.length === 0 ? (
        <p>{t('scopes.partner.none')}</p>
      ) : (
        <ul class="editor-list scope-list">
          {s.attached.map((c) => (
            <li key={c.id} class="editor-list__item scope-item">
              <span class="scope-item__name">
                <a href={`/editor/campaigns/${c.slug}`} dir="auto">
                  {campaignTitle(c)}
                </a>
                <span class="editor-list__meta">{t(campaignStatusKeys[c.status])}</span>
              </span>
              <form method="post" action={`/editor/users/${subject.id}/campaigns/remove`}>
                <Csrf token={csrf} />
                <input type="hidden" name="campaign" value={String(c.id)} />
                <SubmitButton kind="secondary">
                  {t('scopes.partner.detach')}
                  <span class="dash-sr-only">
                    {' '}
                    <bdi>{campaignTitle(c)}</bdi>
                  </span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
      {available.length === 0 ? (
        <p class="help">{t('scopes.partner.allAttached')}</p>
      ) : (
        <form method="post" action={`/editor/users/${subject.id}/campaigns`} class="editor-form" novalidate>
          <Csrf token={csrf} />
          {/* In the headlines' own direction: an English headline is cut at its end, not its start. */}
          <SelectField
            id="campaign"
            label={t('scopes.partner.campaign')}
            options={available.map((c) => ({
              value: String(c.id),
              label: t('scopes.partner.option', {
                campaign: campaignTitle(c),
                status: t(campaignStatusKeys[c.status]),
              }),
            }))}
            error={error}
            dir="auto"
            autofocus={Boolean(error)}
          />
          <SubmitButton>{t('scopes.partner.attach')}</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** "Russian — русский": the name in the interface language, then the language's own name when it differs. */
function LanguageLabel({ tr, code }: { tr: Translator; code: string }) {
  const name = tr.languageName(code);
  const own = nativeName(code);
  return (
    <>
      {name}
      {own.toLowerCase() !== name.toLowerCase() && (
        <>
          {' — '}
          <span lang={code} dir="auto">
            {own}
          </span>
        </>
      )}
    </>
  );
}

function TranslatorLanguages({ tr, csrf, subject, s }: SectionProps<'translator'>) {
  const t = tr.t;
  const error = s.state?.form === 'languages' ? s.state.error : undefined;
  const ticked = new Set(s.state?.ticked ?? s.languages);
  const collator = new Intl.Collator(tr.locale);
  const choices = [...s.choices].sort((a, b) => collator.compare(tr.languageName(a), tr.languageName(b)));
  return (
    <section class="editor-panel scope" id="scope" aria-labelledby="scope-title">
      <h2 id="scope-title">{t('scopes.translator.title')}</h2>
      <p class="help">{t('scopes.translator.help')}</p>
      <p>
        {s.languages.length === 0
          ? t('scopes.translator.none')
          : t('scopes.translator.current', {
              languages: tr.list(s.languages.map((l) => tr.languageName(l))),
            })}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <form method="post" action={`/editor/users/${subject.id}/languages`} class="scope-languages">
        <Csrf token={csrf} />
        <fieldset class="scope-languages__set">
          <legend>{t('scopes.translator.legend')}</legend>
          <div class="scope-languages__grid">
            {choices.map((code) => (
              <div key={code} class="field field--check">
                <input
                  type="checkbox"
                  id={`locale-${code}`}
                  name="locale"
                  value={code}
                  checked={ticked.has(code) || undefined}
                />
                <label for={`locale-${code}`}>
                  <LanguageLabel tr={tr} code={code} />
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <SubmitButton>{t('scopes.translator.save')}</SubmitButton>
      </form>
      {s.grants.length > 0 && <LanguageStandings tr={tr} csrf={csrf} subject={subject} s={s} />}
    </section>
  );
}

/** A choice of standing per language the translator has: plain, trusted (publishes own work), coordinator. */
function LanguageStandings({ tr, csrf, subject, s }: SectionProps<'translator'>) {
  const t = tr.t;
  const error = s.state?.form === 'standings' ? s.state.error : undefined;
  return (
    <form
      method="post"
      action={`/editor/users/${subject.id}/standings`}
      class="scope-standings"
      id="standings"
    >
      <Csrf token={csrf} />
      <fieldset class="scope-languages__set">
        <legend>{t('scopes.standing.legend')}</legend>
        <p class="help">{t('scopes.standing.help')}</p>
        {error && <Notice kind="error">{error}</Notice>}
        <div>
          {s.grants.map((g) => (
            <div key={g.locale} class="field scope-standings__row">
              <label for={`standing-${g.locale}`}>
                <LanguageLabel tr={tr} code={g.locale} />
              </label>
              <select id={`standing-${g.locale}`} name={`standing-${g.locale}`}>
                {languageStandings.map((v) => (
                  <option key={v} value={v} selected={v === g.standing}>
                    {t(standingKeys[v])}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <SubmitButton>{t('scopes.standing.save')}</SubmitButton>
    </form>
  );
}

/** The scope part of an account's page, for the roles that have one. */
export function AccountScopeSection({
  tr,
  csrf,
  subject,
  scopes,
}: {
  tr: Translator;
  csrf: string;
  subject: User;
  scopes: ScopeSection;
}) {
  return scopes.kind === 'partner' ? (
    <PartnerCampaigns tr={tr} csrf={csrf} subject={subject} s={scopes} />
  ) : (
    <TranslatorLanguages tr={tr} csrf={csrf} subject={subject} s={scopes} />
  );
}
