// The preferences page behind the signed link in every mailing: the lists the person is on, a button to
// leave each and a choice to move it to another language, joining another list (the consent box never
// ticked for them), a new address (confirmed at that address), and leaving everything. Then the
// one-button pages of the unsubscribe link and of the address-change link.
import type { ListPerson } from '../../../domain/list/list.ports.js';
import { listLanguages } from '../../../domain/list/membership.js';
import type { StringKey } from '../../../i18n/translator.js';
import {
  CheckField,
  languageChoices,
  Notice,
  SelectField,
  SubmitButton,
  TextField,
} from '../../views/form-fields.js';
import { ListMessagePage, ListPage, type ListPageBase, PreferencesLink } from './list-page.js';

export type PreferencesNotice = 'joined' | 'left' | 'moved' | 'unsubscribed' | 'addressSent';

export interface PreferencesState {
  /** The page's own address, token included. */
  base: string;
  person: ListPerson;
  notice?: PreferencesNotice | undefined;
  /** A form that came back: which, and what is wrong. */
  error?: { form: 'join' | 'address'; text: StringKey; email?: string } | undefined;
}

export function PreferencesPage(p: ListPageBase & PreferencesState) {
  const { tr, person } = p;
  const t = tr.t;
  const subscribed = person.memberships.filter((m) => m.status === 'subscribed');
  const pending = person.memberships.filter((m) => m.status === 'pending');
  const others = listLanguages(tr.locale).filter((l) => !subscribed.some((m) => m.locale === l));
  const joinError = p.error?.form === 'join' ? t(p.error.text) : undefined;
  const addressError = p.error?.form === 'address' ? t(p.error.text) : undefined;
  return (
    <ListPage tr={tr} site={p.site} title="preferences.title">
      {p.notice && <Notice>{t(`preferences.notice.${p.notice}`)}</Notice>}
      <p>{t('preferences.intro', { email: person.email })}</p>

      <h2>{t('preferences.lists.heading')}</h2>
      {subscribed.length === 0 && <p>{t('preferences.lists.none')}</p>}
      {subscribed.map((m) => (
        <article class="list-membership" key={m.locale}>
          <h3>{tr.languageName(m.locale)}</h3>
          {m.subscribedAt !== null && (
            <p class="help">{t('preferences.lists.since', { date: tr.date(m.subscribedAt) })}</p>
          )}
          <form method="post" action={`${p.base}/move`}>
            <input type="hidden" name="from" value={m.locale} />
            <SelectField
              id={`move-${m.locale}`}
              name="to"
              label={t('preferences.move.label')}
              options={languageChoices(tr, others)}
            />
            <SubmitButton>{t('preferences.move.button')}</SubmitButton>
          </form>
          <form method="post" action={`${p.base}/leave`}>
            <input type="hidden" name="list" value={m.locale} />
            <SubmitButton kind="quiet">
              {t('preferences.leave.button', { language: tr.languageName(m.locale) })}
            </SubmitButton>
          </form>
        </article>
      ))}
      {pending.map((m) => (
        <p key={m.locale}>{t('preferences.lists.pending', { language: tr.languageName(m.locale) })}</p>
      ))}

      <h2>{t('preferences.join.heading')}</h2>
      <form method="post" action={`${p.base}/join`}>
        <SelectField
          id="list"
          label={t('list.field.list')}
          options={languageChoices(tr, others)}
          value={tr.locale}
        />
        <CheckField
          id="consent"
          label={t('list.consent.label', { siteName: p.site.name })}
          checked={false}
          error={joinError}
          autofocus={joinError !== undefined}
        />
        <SubmitButton>{t('preferences.join.button')}</SubmitButton>
      </form>

      <h2>{t('preferences.address.heading')}</h2>
      <form method="post" action={`${p.base}/address`} novalidate>
        <TextField
          id="email"
          type="email"
          label={t('preferences.address.label')}
          help={t('preferences.address.help')}
          value={p.error?.email ?? ''}
          autocomplete="email"
          maxLength={254}
          error={addressError}
          autofocus={addressError !== undefined}
        />
        <SubmitButton>{t('preferences.address.button')}</SubmitButton>
      </form>

      <h2>{t('preferences.unsubscribe.heading')}</h2>
      <form method="post" action={`${p.base}/unsubscribe`}>
        <SubmitButton kind="big">{t('preferences.unsubscribe.button')}</SubmitButton>
      </form>
      <p>
        <a href={`/${tr.locale}/my-data`}>{t('preferences.myData')}</a>
      </p>
    </ListPage>
  );
}

/** The GET of an unsubscribe link: one button, which POSTs exactly what a mail client's one-click does. */
export function UnsubscribePage(p: ListPageBase & { action: string; preferences: string }) {
  return (
    <ListMessagePage {...p} title="unsubscribe.title" body="unsubscribe.body">
      <form method="post" action={p.action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <SubmitButton kind="big">{p.tr.t('unsubscribe.button')}</SubmitButton>
      </form>
      <PreferencesLink tr={p.tr} href={p.preferences} />
    </ListMessagePage>
  );
}

export function UnsubscribedPage(p: ListPageBase & { preferences: string }) {
  return (
    <ListMessagePage {...p} title="unsubscribe.done.title" body="unsubscribe.done.body">
      <PreferencesLink tr={p.tr} href={p.preferences} />
    </ListMessagePage>
  );
}

export function AddressConfirmPage(p: ListPageBase & { action: string; token: string }) {
  return (
    <ListMessagePage {...p} title="address.confirm.title" body="address.confirm.body">
      <form method="post" action={p.action}>
        <input type="hidden" name="token" value={p.token} />
        <SubmitButton kind="big">{p.tr.t('address.confirm.button')}</SubmitButton>
      </form>
    </ListMessagePage>
  );
}
