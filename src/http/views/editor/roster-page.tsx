// The page shell of the targets, import, test message and partners pages: the editor layout with where
// "back" leads, the page's title, and the campaign it belongs to (its headline in its own direction, or its
// slug before it has one); the buttons under a target's or partner's add or change form; and the button
// that moves a target's or partner's card one place up or down.

import type { ComponentChildren } from 'preact';
import type { RosterCampaign } from '../../../domain/campaign/campaign-roster.ports.js';
import type { Translator } from '../../../i18n/translator.js';
import { Csrf, SubmitButton } from '../form-fields.js';
import { EditorPage, type EditorPageBase } from './editor-layout.js';

export function RosterPage(
  p: EditorPageBase & {
    /** Where "back" leads: the campaign's page unless said, or another of its pages (`to`: "targets"…). */
    back?: { to: string; label: string };
    title: string;
    campaign: RosterCampaign;
    children: ComponentChildren;
  },
) {
  const campaign = `/editor/campaigns/${p.campaign.slug}`;
  const back = p.back
    ? { href: `${campaign}/${p.back.to}`, label: p.back.label }
    : { href: campaign, label: p.tr.t('targets.back') };
  return (
    <EditorPage page={p} title={p.title} section="campaigns">
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{p.title}</h1>
      <p class="roster-campaign" dir="auto">
        {p.campaign.headline ?? p.campaign.slug}
      </p>
      {p.children}
    </EditorPage>
  );
}

/** The add or change form's button and, when changing, the way back without saving. */
export function RosterFormActions(p: { tr: Translator; button: string; cancel?: string | undefined }) {
  return (
    <div class="editor-actions">
      <SubmitButton>{p.button}</SubmitButton>
      {p.cancel && (
        <a class="button button--secondary" href={p.cancel}>
          {p.tr.t('targets.edit.cancel')}
        </a>
      )}
    </div>
  );
}

/** Moves a target's or partner's card one place up or down (`action`: its move route). */
export function MoveButton(p: {
  tr: Translator;
  csrf: string;
  action: string;
  direction: 'up' | 'down';
  name: string;
}) {
  const t = p.tr.t;
  const up = p.direction === 'up';
  return (
    <form method="post" action={p.action}>
      <Csrf token={p.csrf} />
      <input type="hidden" name="direction" value={p.direction} />
      <button
        class="button button--secondary button--small"
        type="submit"
        aria-label={t(up ? 'targets.action.upLabel' : 'targets.action.downLabel', { name: p.name })}
      >
        {t(up ? 'targets.action.up' : 'targets.action.down')}
      </button>
    </form>
  );
}
