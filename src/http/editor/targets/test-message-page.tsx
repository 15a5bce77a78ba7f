import type { EditorTarget, RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import type { TestMessage } from '../../../domain/campaign/test-message.js';
import { sameLanguage } from '../../../domain/delivery/delivery.js';
import { directionOf } from '../../../i18n/locales.js';
import { isolate } from '../../../i18n/translator.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { RosterPage } from '../../views/editor/roster-page.js';
import { Csrf, Notice, SelectField, SubmitButton } from '../../views/form-fields.js';
import { languageLabel } from './target-form.js';

export interface TestMessagePageProps extends EditorPageBase {
  campaign: RosterCampaign;
  canSend: boolean;
  targets: EditorTarget[];
  message?: TestMessage | undefined;
  /** Why there is no message to show. */
  empty?: string | undefined;
  notice?: string | undefined;
}

const mailbox = (a: { name: string; address: string }) => `${a.name} <${a.address}>`;

export function TestMessagePage(p: TestMessagePageProps) {
  const { tr, campaign, message } = p;
  const t = tr.t;
  const title = t('targets.test.title');
  const action = `/editor/campaigns/${campaign.slug}/targets/test`;
  return (
    <RosterPage {...p} title={title} back={{ to: 'targets', label: t('targets.title') }}>
      {p.notice && <Notice>{p.notice}</Notice>}
      <p>{t('targets.test.intro')}</p>
      {p.empty && <Notice kind="error">{p.empty}</Notice>}
      {p.targets.length > 0 && (
        <form method="get" action={action} class="editor-form test-choose">
          <SelectField
            id="target"
            label={t('targets.test.target')}
            options={p.targets.map((x) => ({ value: String(x.id), label: `${x.name} (${x.email})` }))}
            value={message && String(message.target.id)}
          />
          <SubmitButton kind="secondary">{t('targets.test.show')}</SubmitButton>
        </form>
      )}
      {message && (
        <>
          {message.draft && <Notice kind="error">{t('targets.test.draft')}</Notice>}
          {message.target.locale && !sameLanguage(message.target.locale, message.locale) && (
            <p class="help">
              {t('targets.test.fallback', {
                wanted: tr.languageName(message.target.locale),
                language: tr.languageName(message.locale),
              })}
            </p>
          )}
          <article class="editor-panel test-mail" aria-labelledby="test-subject">
            <dl class="mail-meta">
              <dt>{t('targets.test.from')}</dt>
              <dd>
                <bdi dir="auto">{mailbox(message.from)}</bdi>
              </dd>
              <dt>{t('targets.test.replyTo')}</dt>
              <dd>
                <bdi dir="auto">{mailbox(message.replyTo)}</bdi>
              </dd>
              <dt>{t('targets.test.to')}</dt>
              <dd>
                <bdi dir="auto">{mailbox({ name: message.target.name, address: message.target.email })}</bdi>
              </dd>
              <dt>{t('targets.test.language')}</dt>
              <dd>{languageLabel(tr, message.locale)}</dd>
              <dt>{t('targets.test.subject')}</dt>
              <dd id="test-subject" lang={message.locale} dir={directionOf(message.locale)}>
                {message.subject}
              </dd>
            </dl>
            <pre class="test-mail__body" lang={message.locale} dir={directionOf(message.locale)}>
              {message.text}
            </pre>
          </article>
          {p.canSend && (
            <form method="post" action={action} class="editor-form test-send">
              <Csrf token={p.csrf} />
              <input type="hidden" name="targetId" value={String(message.target.id)} />
              <p class="help">{t('targets.test.sendHelp', { email: isolate(p.user.email) })}</p>
              <SubmitButton>{t('targets.test.send')}</SubmitButton>
            </form>
          )}
        </>
      )}
    </RosterPage>
  );
}
