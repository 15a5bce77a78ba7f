// The editors' targets page of one campaign: targets and union copy addresses as cards (name, organisation,
// address, language, time zone, own cap, state, messages waiting and sent) with edit, reorder and remove;
// the add and edit forms (target-form.tsx); and the confirmation before a removal, which says how many
// waiting messages will be cancelled. Cards and stacked forms rather than a table, so a phone shows it whole.
import type { ComponentChildren } from 'preact';
import type { TargetKind } from '../../../domain/campaign/campaign.js';
import type { EditorTarget, RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import type { TargetErrors, TargetInput } from '../../../domain/campaign/target-fields.js';
import { countryList } from '../../views/country-names.js';
import type { EditorPageBase } from '../../views/editor/editor-layout.js';
import { MoveButton, RosterPage } from '../../views/editor/roster-page.js';
import { Csrf, Notice, SubmitButton } from '../../views/form-fields.js';
import {
  emptyTarget,
  languageLabel,
  stateKeys,
  TargetForm,
  type TargetFormState,
  targetValues,
} from './target-form.js';

export interface TargetsPageProps extends EditorPageBase {
  campaign: RosterCampaign;
  targets: EditorTarget[];
  canEdit: boolean;
  notice?: string | undefined;
  error?: string | undefined;
  /** The target whose edit form is open (?edit=). */
  editing?: EditorTarget | undefined;
  /** The target whose removal is being confirmed (?remove=). */
  removing?: EditorTarget | undefined;
  state?: TargetFormState | undefined;
}

function TargetCard({
  p,
  target,
  first,
  last,
}: {
  p: TargetsPageProps;
  target: EditorTarget;
  first: boolean;
  last: boolean;
}) {
  const { tr, csrf, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/targets`;
  const name = target.name;
  const move = `${base}/${target.id}/move`;
  return (
    <li class={`editor-panel roster-card roster-card--${target.state}`} id={`target-${target.id}`}>
      <h3 dir="auto">{name}</h3>
      {target.organisation && (
        <p class="roster-card__org" dir="auto">
          {target.organisation}
        </p>
      )}
      <p class="roster-card__meta">
        <bdi dir="ltr">{target.email}</bdi>
      </p>
      <p class="roster-card__meta">
        {target.locale
          ? t('targets.meta.language', { language: languageLabel(tr, target.locale) })
          : t('targets.meta.noLanguage')}
        {target.kind === 'target' && target.timeZone && (
          <>
            {' · '}
            {t('targets.meta.timeZone', { zone: target.timeZone })}
          </>
        )}
        {target.kind === 'target' && target.hourlyCap !== null && (
          <>
            {' · '}
            {t('targets.meta.cap', { cap: target.hourlyCap })}
          </>
        )}
      </p>
      {target.kind === 'target' && target.countries.length > 0 && (
        <p class="roster-card__meta">
          {t('targets.meta.countries', { countries: countryList(tr.locale, target.countries) })}
        </p>
      )}
      <p class="roster-card__meta">
        <strong class={`roster-state roster-state--${target.state}`}>{t(stateKeys[target.state])}</strong>
        {' · '}
        {t('targets.meta.messages', { waiting: target.waiting, sent: target.sent })}
      </p>
      {p.canEdit && (
        <div class="editor-actions roster-card__actions">
          <a
            class="button button--secondary button--small"
            href={`${base}?edit=${target.id}#edit-form`}
            aria-label={t('targets.action.editLabel', { name })}
          >
            {t('targets.action.edit')}
          </a>
          {!first && <MoveButton tr={tr} csrf={csrf} action={move} direction="up" name={name} />}
          {!last && <MoveButton tr={tr} csrf={csrf} action={move} direction="down" name={name} />}
          <a
            class="button button--secondary button--small"
            href={`${base}?remove=${target.id}#remove`}
            aria-label={t('targets.action.removeLabel', { name })}
          >
            {t('targets.action.remove')}
          </a>
        </div>
      )}
    </li>
  );
}

function RemovePanel({ p, target }: { p: TargetsPageProps; target: EditorTarget }) {
  const { tr, csrf, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/targets`;
  return (
    <section class="editor-panel roster-remove" id="remove" aria-labelledby="remove-heading">
      <h2 id="remove-heading" dir="auto">
        {t('targets.remove.heading', { name: target.name })}
      </h2>
      <p>
        <bdi dir="ltr">{target.email}</bdi>
      </p>
      <p>
        <strong>{t('targets.remove.waiting', { count: target.waiting })}</strong>
      </p>
      {target.sent > 0 && <p>{t('targets.remove.sent', { count: target.sent })}</p>}
      <form method="post" action={`${base}/${target.id}/remove`} class="editor-actions">
        <Csrf token={csrf} />
        <SubmitButton kind="danger">{t('targets.remove.button')}</SubmitButton>
        <a class="button button--secondary" href={`${base}#target-${target.id}`}>
          {t('targets.remove.cancel')}
        </a>
      </form>
    </section>
  );
}

function CardList({ p, list }: { p: TargetsPageProps; list: EditorTarget[] }) {
  return (
    <ul class="roster-cards">
      {list.map((target, i) => (
        <TargetCard key={target.id} p={p} target={target} first={i === 0} last={i === list.length - 1} />
      ))}
    </ul>
  );
}

function formProps(
  p: TargetsPageProps,
  match: TargetFormState['form'],
): { values: TargetInput; errors: TargetErrors } | undefined {
  const s = p.state;
  if (!s) return undefined;
  const same =
    'add' in match
      ? 'add' in s.form && s.form.add === match.add
      : 'edit' in s.form && s.form.edit === match.edit;
  return same ? { values: s.values, errors: s.errors } : undefined;
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function TargetsPage(p: TargetsPageProps) {
  const { tr, campaign } = p;
  const t = tr.t;
  const base = `/editor/campaigns/${campaign.slug}/targets`;
  const targets = p.targets.filter((x) => x.kind === 'target');
  const copies = p.targets.filter((x) => x.kind === 'copy');
  const title = t('targets.title');
  const editing = p.editing;
  const editState = editing ? formProps(p, { edit: editing.id }) : undefined;
  const addForm = (kind: TargetKind) => {
    const state = formProps(p, { add: kind });
    return (
      <TargetForm
        tr={tr}
        csrf={p.csrf}
        campaign={campaign}
        kind={kind}
        action={base}
        prefix={kind}
        heading={t(kind === 'copy' ? 'targets.addCopy.heading' : 'targets.add.heading')}
        button={t(kind === 'copy' ? 'targets.addCopy.button' : 'targets.add.button')}
        values={state?.values ?? emptyTarget}
        errors={state?.errors ?? {}}
      />
    );
  };
  return (
    <RosterPage {...p} title={title}>
      {p.notice && <Notice>{p.notice}</Notice>}
      {p.error && <Notice kind="error">{p.error}</Notice>}
      <p>{t('targets.intro')}</p>
      <ul class="editor-links">
        {p.canEdit && (
          <li>
            <a href={`${base}/import`}>{t('targets.link.import')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/test`}>{t('targets.link.test')}</a>
        </li>
      </ul>
      {p.removing && p.canEdit && <RemovePanel p={p} target={p.removing} />}
      {editing && p.canEdit && (
        <TargetForm
          tr={tr}
          csrf={p.csrf}
          campaign={campaign}
          kind={editing.kind}
          action={`${base}/${editing.id}`}
          prefix="edit"
          heading={t('targets.edit.heading', { name: editing.name })}
          button={t('targets.edit.button')}
          values={editState?.values ?? targetValues(editing)}
          errors={editState?.errors ?? {}}
          editing
          cancel={`${base}#target-${editing.id}`}
        />
      )}
      <Section id="targets-heading" title={t('targets.list.heading', { count: targets.length })}>
        {targets.length === 0 ? <p>{t('targets.list.none')}</p> : <CardList p={p} list={targets} />}
        {p.canEdit && addForm('target')}
      </Section>
      <Section id="copies-heading" title={t('targets.copies.heading')}>
        <p class="help">{t('targets.copies.help')}</p>
        {copies.length === 0 ? <p>{t('targets.copies.none')}</p> : <CardList p={p} list={copies} />}
        {p.canEdit && addForm('copy')}
      </Section>
    </RosterPage>
  );
}
