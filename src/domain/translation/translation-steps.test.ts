// The states every translated text shares, walked for campaign texts and mailings alike: what save,
// submit, publish and send back do from each state, who may take which step in which language, what a
// complete translation needs, and that a closed text (a mailing already sending) takes no step at all.
import { describe, expect, it } from 'vitest';
import { mailingTextSpec } from '../mailing-translation/mailing-translation.js';
import { campaignTextSpec } from './translation.js';
import {
  isStale,
  mayPublish,
  mayReviewIn,
  mayTakeStep,
  planStep,
  readTexts,
  type StepState,
  standingIn,
  type TextSpec,
  type TranslationViewer,
  tokenOf,
  translationViewer,
  type Work,
} from './translation-steps.js';

const translator: TranslationViewer = {
  id: 2,
  email: 'ana@example.org',
  role: 'translator',
  languages: ['es'],
};
const editor: TranslationViewer = { id: 3, email: 'eda@example.org', role: 'editor', languages: null };
const partner: TranslationViewer = { id: 4, email: 'pat@example.org', role: 'partner', languages: null };

interface Kind {
  name: string;
  spec: TextSpec<string>;
  source: Record<string, string>;
  typed: Record<string, string>;
}

const kinds: Kind[] = [
  {
    name: 'campaign texts',
    spec: campaignTextSpec,
    source: {
      headline: 'Free Erlan',
      backgroundMd: 'Erlan is **jailed**.',
      defaultMessage: 'Release him.',
      targetSubject: 'Free Erlan',
      targetSalutation: '',
    },
    typed: {
      headline: 'Libertad para Erlan',
      backgroundMd: 'Erlan está **preso**.',
      defaultMessage: 'Libérenlo.',
      targetSubject: 'Libertad',
      targetSalutation: '',
    },
  },
  {
    name: 'mailings',
    spec: mailingTextSpec,
    source: { subject: 'Erlan is free', preheader: 'Thanks to 7,000 of you', bodyMd: 'He is **free**.' },
    typed: { subject: 'Erlan está libre', preheader: 'Gracias a los 7.000', bodyMd: 'Está **libre**.' },
  },
];

describe.each(kinds)('translation steps for $name', ({ spec, source, typed }) => {
  // Texts and revisions share one object in Work; with the field names erased to string, TypeScript cannot
  // tell them apart, hence the cast.
  const work = (t: StepState | null, revision = 1) =>
    ({
      locale: 'es',
      sourceLocale: 'en',
      source: { ...source, revision },
      translation: t && { ...typed, ...t },
    }) as unknown as Work<string>;
  const state = (status: StepState['status'], over: Partial<StepState> = {}): StepState => ({
    status,
    revision: 3,
    sourceRevision: 1,
    reviewNote: null,
    ...over,
  });
  const step = (intent: 'save' | 'submit' | 'publish', texts = typed, markUpdated = false) => ({
    intent,
    token: '',
    markUpdated,
    texts,
  });
  const statusOf = (r: ReturnType<typeof planStep>) => ('action' in r ? r.status : r.status);

  it('saves a first draft, even incomplete; submit and publish need every field the source has', () => {
    const partial: Record<string, string> = { ...typed, [spec.fields[1]!]: '' };
    expect(statusOf(planStep(spec, translator, work(null), step('save', partial)))).toBe('draft');
    const refused = planStep(spec, translator, work(null), step('submit', partial));
    expect(refused).toEqual({ status: 'invalid', errors: { [spec.fields[1]!]: 'Required' } });
    expect(planStep(spec, editor, work(null), step('publish', partial))).toMatchObject({ status: 'invalid' });
    expect(planStep(spec, translator, work(null), step('submit'))).toMatchObject({
      status: 'in_review',
      action: 'translation.submitted',
    });
  });

  it('keeps the status on a reviewer save, and takes a translator-changed published text back to draft', () => {
    const changed = { ...typed, [spec.fields[0]!]: 'Otro texto' };
    expect(statusOf(planStep(spec, editor, work(state('published')), step('save', changed)))).toBe(
      'published',
    );
    expect(statusOf(planStep(spec, translator, work(state('published')), step('save', changed)))).toBe(
      'draft',
    );
    expect(statusOf(planStep(spec, translator, work(state('published')), step('save')))).toBe('published');
    expect(statusOf(planStep(spec, translator, work(state('in_review')), step('save', changed)))).toBe(
      'in_review',
    );
  });

  it('keeps a published text published when a coordinator or a trusted translator saves a change', () => {
    const changed = { ...typed, [spec.fields[0]!]: 'Otro texto' };
    const coordinator = translationViewer(translator, [{ locale: 'es', standing: 'coordinator' }]);
    const trusted = translationViewer(translator, [{ locale: 'es', standing: 'trusted' }]);
    for (const who of [coordinator, trusted]) {
      expect(statusOf(planStep(spec, who, work(state('published')), step('save', changed)))).toBe(
        'published',
      );
    }
    expect(
      statusOf(
        planStep(spec, coordinator, work(state('published')), { ...step('save', changed), asDraft: true }),
      ),
    ).toBe('draft');
  });

  it('treats submitting an unchanged published text as nothing, unless it brings a stale one up to date', () => {
    expect(planStep(spec, translator, work(state('published')), step('submit'))).toEqual({
      status: 'unchanged',
    });
    expect(
      statusOf(planStep(spec, translator, work(state('published'), 2), step('submit', typed, true))),
    ).toBe('in_review');
  });

  it('sends back only what is in review, with a note, keeping the texts as submitted', () => {
    const back = (t: StepState | null, note = 'Use “sindicalista”.') =>
      planStep(spec, editor, work(t), { intent: 'send-back', token: '', note });
    expect(back(null)).toEqual({ status: 'wrong_state' });
    expect(back(state('draft'))).toEqual({ status: 'wrong_state' });
    expect(back(state('in_review'), '  ')).toEqual({ status: 'invalid', errors: {}, noteMissing: true });
    expect(back(state('in_review'))).toMatchObject({
      status: 'draft',
      reviewNote: 'Use “sindicalista”.',
      texts: typed,
      action: 'translation.sent_back',
    });
  });

  it('refuses every step on a closed text', () => {
    const closed = { ...work(state('draft')), closed: true };
    for (const intent of ['save', 'submit', 'publish'] as const) {
      expect(planStep(spec, editor, closed, step(intent))).toEqual({ status: 'wrong_state' });
    }
  });

  it('bounds every field, and refuses characters that have no place in a one-line field', () => {
    const long = Object.fromEntries(spec.fields.map((f) => [f, 'x'.repeat(spec.limits[f]! + 1)]));
    const { errors } = readTexts(spec, long, source, false);
    expect(Object.values(errors)).toEqual(spec.fields.map(() => 'TooLong'));
    const oneLine = spec.oneLine[0]!;
    expect(readTexts(spec, { ...typed, [oneLine]: 'a\r\nBcc: x@example.org' }, source, false).errors).toEqual(
      {
        [oneLine]: 'InvalidCharacters',
      },
    );
  });
});

describe('who may take which step', () => {
  const at = (locale: string, t: { status: StepState['status']; updatedBy?: string | null } | null = null) =>
    ({ locale, translation: t }) as Pick<Work<string>, 'locale' | 'translation'>;
  const trusted = translationViewer(translator, [
    { locale: 'es', standing: 'trusted' },
    { locale: 'ca', standing: 'translator' },
  ]);
  const coordinator = translationViewer({ id: 5, email: 'coco@example.org', role: 'translator' }, [
    { locale: 'fr', standing: 'coordinator' },
    { locale: 'es', standing: 'translator' },
  ]);

  it('lets translators save and submit in their languages only, and reviewers publish and send back', () => {
    expect(mayTakeStep(translator, 'save', at('es'))).toBe(true);
    expect(mayTakeStep(translator, 'submit', at('fr'))).toBe(false);
    expect(mayTakeStep(translator, 'publish', at('es'))).toBe(false);
    expect(mayTakeStep(translator, 'send-back', at('es'))).toBe(false);
    expect(mayTakeStep(editor, 'publish', at('fr'))).toBe(true);
    expect(mayTakeStep(editor, 'send-back', at('tl'))).toBe(true);
    expect(mayTakeStep(partner, 'save', at('es'))).toBe(false);
  });

  it('makes a coordinator a reviewer of their language and a translator elsewhere', () => {
    expect(standingIn(coordinator, 'fr')).toBe('coordinator');
    expect(mayReviewIn(coordinator, 'fr')).toBe(true);
    expect(
      mayTakeStep(coordinator, 'publish', at('fr', { status: 'in_review', updatedBy: 'x@example.org' })),
    ).toBe(true);
    expect(mayTakeStep(coordinator, 'send-back', at('fr'))).toBe(true);
    expect(mayReviewIn(coordinator, 'es')).toBe(false);
    expect(mayTakeStep(coordinator, 'publish', at('es'))).toBe(false);
    expect(mayTakeStep(coordinator, 'send-back', at('es'))).toBe(false);
    expect(standingIn(coordinator, 'de')).toBe(null);
    expect(mayTakeStep(coordinator, 'publish', at('de'))).toBe(false);
    expect(standingIn(editor, 'de')).toBe('reviewer');
  });

  it('lets a trusted translator publish their own work, never what someone else sent for review', () => {
    expect(mayPublish(trusted, 'es', null)).toBe(true);
    expect(mayPublish(trusted, 'es', { status: 'draft', updatedBy: 'other@example.org' })).toBe(true);
    expect(mayPublish(trusted, 'es', { status: 'published', updatedBy: null })).toBe(true);
    expect(mayPublish(trusted, 'es', { status: 'in_review', updatedBy: 'ana@example.org' })).toBe(true);
    expect(mayPublish(trusted, 'es', { status: 'in_review', updatedBy: 'other@example.org' })).toBe(false);
    expect(mayPublish(trusted, 'es', { status: 'in_review', updatedBy: null })).toBe(false);
    expect(
      mayTakeStep(trusted, 'send-back', at('es', { status: 'in_review', updatedBy: 'x@example.org' })),
    ).toBe(false);
    expect(mayPublish(trusted, 'ca', null)).toBe(false);
    expect(mayReviewIn(trusted, 'es')).toBe(false);
  });

  it('gives editors and admins no standings, and a translator their own', () => {
    expect(
      translationViewer({ id: 1, email: 'a@example.org', role: 'admin' }, [
        { locale: 'fr', standing: 'translator' },
      ]),
    ).toMatchObject({
      languages: null,
      standings: null,
    });
    expect(coordinator).toMatchObject({
      languages: ['es', 'fr'],
      standings: { fr: 'coordinator', es: 'translator' },
    });
    // A language the viewer does not carry a standing for, or a key of Object's prototype, is no standing.
    expect(standingIn({ ...translator, languages: ['__proto__'] }, '__proto__')).toBe('translator');
  });

  it('calls a translation stale once the source moved past its revision, and tokens name both revisions', () => {
    expect(isStale({ sourceRevision: 0 }, 1)).toBe(false);
    expect(isStale({ sourceRevision: 1 }, 2)).toBe(true);
    expect(tokenOf({ source: { revision: 4 }, translation: null })).toBe('0.4');
    expect(tokenOf({ source: { revision: 4 }, translation: { revision: 7 } })).toBe('7.4');
  });
});
