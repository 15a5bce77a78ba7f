// An embassy campaign end to end (decision 0028): an editor gives a target countries in the form, a wrong
// code gets a translated error with the input kept, the public page names each target's countries, and a
// signature from Germany writes to the German embassy while one from Japan does not (its thanks page
// counts only its own addresses).
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { ana, erlan, formToken, postSign } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const page = `/editor/campaigns/${erlan}/targets`;
const embassy = {
  kind: 'target',
  name: 'Embassy of Kazakhstan in Germany',
  organisation: '',
  email: 'berlin@embassy.example.org',
  locale: 'de',
  timeZone: '',
  hourlyCap: '',
};

describe.each(testDialects)('embassy targets on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  appPerTest(dialect, async (app) => {
    ({ t, clock, campaignId } = app);
    await t.db.kysely
      .updateTable('campaigns')
      .set({ confirmation_mode: 'immediate' })
      .where('id', '=', campaignId)
      .execute();
  });

  it('refuses an unknown country code with the input kept, then saves and shows the countries', async () => {
    const editor = await signedIn(t, 'editor', { name: 'Kofi Boateng' });
    const wrong = await post(t.app, page, editor, { ...embassy, countries: 'de, xx' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('contains a code that is not a country');
    expect(wrong.body).toContain('value="de, xx"');

    expect((await post(t.app, page, editor, { ...embassy, countries: 'de, at' })).statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('targets')
      .select('countries')
      .where('email', '=', embassy.email)
      .executeTakeFirstOrThrow();
    expect(row.countries).toBe('AT DE');
    expect((await get(t.app, page, editor)).body).toContain('Only for supporters in Austria and Germany');
    const publicPage = await t.app.inject({ url: `/en/campaigns/${erlan}` });
    expect(publicPage.body).toContain('(for supporters in Austria and Germany)');
    const arabic = await t.app.inject({ url: `/ar/campaigns/${erlan}` });
    expect(arabic.body).toContain('للمؤيدين في');
  });

  it("writes a German supporter's message to the embassy in Germany, and a Japanese one's not", async () => {
    const editor = await signedIn(t, 'editor', { name: 'Kofi Boateng' });
    expect((await post(t.app, page, editor, { ...embassy, countries: 'DE' })).statusCode).toBe(303);
    const token = await formToken(t.app, 'en');
    clock.advance(10_000);
    const de = await postSign(t.app, 'en', { ...ana, email: 'de@example.org', country: 'DE', token });
    const jp = await postSign(t.app, 'en', { ...ana, email: 'jp@example.org', country: 'JP', token });
    expect(de.headers.location).toBe(`/en/campaigns/${erlan}/thanks?country=DE`);
    expect(jp.headers.location).toBe(`/en/campaigns/${erlan}/thanks?country=JP`);

    const sent = await t.db.kysely
      .selectFrom('messages as m')
      .innerJoin('signatures as s', 's.id', 'm.signature_id')
      .innerJoin('supporters as p', 'p.id', 's.supporter_id')
      .innerJoin('targets as x', 'x.id', 'm.target_id')
      .select(['p.email as signer', 'x.email as target', 'x.kind as kind'])
      .where('m.campaign_id', '=', campaignId)
      .execute();
    const targetsOf = (signer: string) =>
      sent.filter((m) => m.signer === signer && m.kind === 'target').map((m) => m.target);
    expect(targetsOf('de@example.org')).toContain(embassy.email);
    expect(targetsOf('jp@example.org')).not.toContain(embassy.email);
    expect(targetsOf('de@example.org').length).toBe(targetsOf('jp@example.org').length + 1);

    const count = (body: string) => Number(/Your message will go to (\d+) address/.exec(body)?.[1]);
    const thanksDe = await t.app.inject({ url: de.headers.location as string });
    const thanksJp = await t.app.inject({ url: jp.headers.location as string });
    expect(count(thanksDe.body)).toBe(targetsOf('de@example.org').length);
    expect(count(thanksJp.body)).toBe(targetsOf('jp@example.org').length);
  });
});
