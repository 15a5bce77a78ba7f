// Claims through the real routes on each database (decision 0042): a Spanish translator claims Spanish on
// the board and everyone sees who and since when; a colleague's second claim is refused with the reason,
// yet the colleague may still open the editor, which names the holder; a translator of another language may
// neither claim nor release; the holder and a coordinator of the language release; a claim lapses after 14
// days on the fake clock; the holder's first save ends it (a colleague's does not); every claim and release
// is audited.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  type Browser,
  createPerson,
  get,
  type Person,
  post,
  sessionFor,
} from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import type { TestApp } from '../../../../test/test-app.js';
import { press, translationDay, translatorOf } from '../../../../test/translator-helpers.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';

const es = `/editor/campaigns/${demoCampaignSlug}/translations/es`;
const board = '/editor/translations';
const day = 86_400_000;
/** The board's Spanish cell of the demo campaign. */
const spanishCell = (html: string) =>
  new RegExp(`id="c-${demoCampaignSlug}"[\\s\\S]*?(<li[^>]*data-locale="es"[\\s\\S]*?</li>)`).exec(
    html,
  )?.[1] ?? '';

describe.each(testDialects)('claiming a language on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let admin: Browser;
  let amelia: Browser;
  let bruno: Browser;
  let coordinator: Browser;
  let french: Browser;
  let people: { admin: Person; amelia: Person; bruno: Person };

  const translator = (email: string, name: string, locale: string) =>
    translatorOf(t, admin, locale, { email, name });

  const save = (browser: Browser, headline: string) => press(t, es, browser, 'save', { headline });

  async function relogin() {
    admin = await sessionFor(t, people.admin);
    amelia = await sessionFor(t, people.amelia);
    bruno = await sessionFor(t, people.bruno);
  }

  const actions = async () =>
    (
      await t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['translation.claimed', 'translation.released'])
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  appPerTest(dialect, { at: translationDay }, async (app) => {
    ({ t, clock } = app);
    const first = await createPerson(t, 'admin');
    admin = await sessionFor(t, first);
    people = {
      admin: first,
      amelia: await translator('amelia@example.org', 'Amelia Ruiz', 'es'),
      bruno: await translator('bruno@example.org', 'Bruno Díaz', 'es'),
    };
    amelia = await sessionFor(t, people.amelia);
    bruno = await sessionFor(t, people.bruno);
    const coco = await translator('coco@example.org', 'Coco Pérez', 'es');
    expect(
      (await post(t.app, `/editor/users/${coco.id}/standings`, admin, { 'standing-es': 'coordinator' }))
        .statusCode,
    ).toBe(303);
    coordinator = await sessionFor(t, coco);
    french = await sessionFor(t, await translator('france@example.org', 'France Petit', 'fr'));
  });

  it('shows the claim to everyone, refuses a second one, and leaves the editor open', async () => {
    const before = spanishCell((await get(t.app, board, amelia)).body);
    expect(before).toContain('missing');
    expect(before).toContain(`action="${es}/claim"`);

    const claimed = await post(t.app, `${es}/claim`, amelia);
    expect(claimed.statusCode).toBe(303);
    expect(claimed.headers.location).toBe(`${board}#c-${demoCampaignSlug}`);

    const seen = spanishCell((await get(t.app, board, bruno)).body);
    expectTexts(seen, [
      'translation-cell--claimed',
      'claimed by \u2068Amelia Ruiz\u2069',
      'datetime="2026-11-23T09:00:00.000Z"',
    ]);
    expect(seen).not.toContain('missing');
    expect(seen).not.toContain('/claim"');
    expect(seen).not.toContain('/release"');
    expect(spanishCell((await get(t.app, board, amelia)).body)).toContain(`action="${es}/release"`);

    const second = await post(t.app, `${es}/claim`, bruno);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('\u2068Amelia Ruiz\u2069 has already claimed Spanish for this campaign.');

    // Advisory: Bruno still opens the editor, told who is on it; only the holder and reviewers may release.
    const editor = await get(t.app, es, bruno);
    expect(editor.statusCode).toBe(200);
    expect(editor.body).toContain('\u2068Amelia Ruiz\u2069 claimed this language on');
    expect(editor.body).not.toContain(`action="${es}/release"`);
    expect((await get(t.app, es, amelia)).body).toContain(`action="${es}/release"`);
    expect((await post(t.app, `${es}/release`, bruno)).statusCode).toBe(403);

    // A translator of another language may do neither.
    expect((await post(t.app, `${es}/claim`, french)).statusCode).toBe(403);
    expect((await post(t.app, `${es}/release`, french)).statusCode).toBe(403);
    expect(spanishCell((await get(t.app, board, admin)).body)).toContain('Amelia Ruiz');

    // The holder releases; Bruno claims; the coordinator of Spanish releases Bruno's claim.
    expect((await post(t.app, `${es}/release`, amelia)).statusCode).toBe(303);
    expect(spanishCell((await get(t.app, board, bruno)).body)).toContain('missing');
    expect((await post(t.app, `${es}/claim`, bruno)).statusCode).toBe(303);
    expect(spanishCell((await get(t.app, board, coordinator)).body)).toContain(`action="${es}/release"`);
    expect((await post(t.app, `${es}/release`, coordinator)).statusCode).toBe(303);
    expect(spanishCell((await get(t.app, board, amelia)).body)).not.toContain('claimed by');
    expect(await actions()).toEqual([
      'translation.claimed',
      'translation.released',
      'translation.claimed',
      'translation.released',
    ]);
  });

  it('lapses after 14 days, and ends with the holder’s first save, not a colleague’s', async () => {
    expect((await post(t.app, `${es}/claim`, amelia)).statusCode).toBe(303);
    clock.advance(14 * day - 60_000);
    // Sessions end sooner than claims: everyone logs in again.
    await relogin();
    expect(spanishCell((await get(t.app, board, bruno)).body)).toContain('claimed by');
    clock.advance(60_000);
    const lapsed = spanishCell((await get(t.app, board, bruno)).body);
    expect(lapsed).toContain('missing');
    expect(lapsed).not.toContain('claimed by');
    expect((await get(t.app, es, bruno)).body).not.toContain('claimed this language');

    // The lapsed claim gives way to Bruno's.
    expect((await post(t.app, `${es}/claim`, bruno)).statusCode).toBe(303);
    expect((await save(amelia, 'Libertad para Erlan')).statusCode).toBe(303);
    const afterColleague = spanishCell((await get(t.app, board, admin)).body);
    expect(afterColleague).toContain('draft');
    expect(afterColleague).toContain('claimed by \u2068Bruno Díaz\u2069');

    expect((await save(bruno, 'Libertad para Erlan Baltabay')).statusCode).toBe(303);
    const afterHolder = spanishCell((await get(t.app, board, admin)).body);
    expect(afterHolder).toContain('draft');
    expect(afterHolder).not.toContain('claimed by');
    // A current draft wants no claim: refused with the reason, nothing stored.
    const refused = await post(t.app, `${es}/claim`, amelia);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Spanish is neither missing nor out of date for this campaign');
    expect(await actions()).toEqual(['translation.claimed', 'translation.claimed']);
  });
});
