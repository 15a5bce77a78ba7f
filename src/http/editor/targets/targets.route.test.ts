// The targets pages end to end on the demo campaign: roles and CSRF, the add form's translated errors and
// kept input, the public page showing a change at once, an address change reusing delivery's rule, removal
// cancelling waiting messages, the CSV import (report first, then only the good rows saved, a forged or
// foreign report refused), and the test message that lands in the SMTP sink for the editor, never the target.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { auditActions, testDialects } from '../../../../test/db.js';
import { deliveryRig, sign } from '../../../../test/delivery-helpers.js';
import { type Browser, get, post, postMultipart, signedIn } from '../../../../test/editor-helpers.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { erlan } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';

const page = `/editor/campaigns/${erlan}/targets`;

describe.each(testDialects)('editor targets pages on %s', (dialect) => {
  let t: TestApp;
  let browser: Browser;
  let campaignId: number;

  appPerTest(dialect, async (app) => {
    ({ t, campaignId } = app);
    browser = await signedIn(t, 'editor', { name: 'Kofi Boateng' });
  });

  const targetsOf = () =>
    t.db.kysely
      .selectFrom('targets')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('id')
      .execute();

  const multipart = (
    url: string,
    who: Browser,
    fields: Record<string, string>,
    file?: { name: string; bytes: Uint8Array },
  ) =>
    postMultipart(
      t,
      url,
      who,
      fields,
      file ? [{ field: file.name, bytes: file.bytes, name: 'targets.csv' }] : [],
    );

  it('lists targets and copy addresses; translators read, partners and forged posts are refused', async () => {
    const res = await get(t.app, page, browser);
    expectPage(res, 200, [
      'akorda.press@example.org',
      'Union copy addresses',
      'campaign-copies@industriall.example.org',
      'Add a target',
    ]);

    const translator = await signedIn(t, 'translator');
    const read = await get(t.app, page, translator);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('Add a target');
    const refused = await post(t.app, page, translator, { name: 'X', email: 'x@example.org' });
    expect(refused.statusCode).toBe(403);

    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, page, partner)).statusCode).toBe(403);

    const noToken = await post(t.app, page, { ...browser, csrf: '' }, { name: 'X', email: 'x@example.org' });
    expect(noToken.statusCode).toBe(403);
    const crossSite = await post(
      t.app,
      page,
      browser,
      { name: 'X', email: 'x@example.org' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect((await targetsOf()).some((x) => x.email === 'x@example.org')).toBe(false);
  });

  it('adds a target with translated errors first, then shows it on the public page at once', async () => {
    const before = await get(t.app, `/en/campaigns/${erlan}`);
    expect(before.body).not.toContain('labour-minister@example.org');

    const bad = await post(t.app, page, browser, {
      kind: 'target',
      name: '=HYPERLINK("http://evil.example")',
      organisation: 'Ministry of Labour',
      email: 'not an address',
      locale: 'ru',
      timeZone: 'Mars/Olympus',
      hourlyCap: '0',
    });
    expectPage(bad, 422, [
      'The name starts with “=”, which spreadsheets run as a formula.',
      'The email address is not valid.',
      'is not a time zone we know',
      'Enter a whole number from 1 to 10000',
      'value="Ministry of Labour"',
    ]);

    const long = await post(t.app, page, browser, { name: 'N'.repeat(10_000), email: 'n@example.org' });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('The name is too long: at most 300 characters.');

    const ok = await post(t.app, page, browser, {
      kind: 'target',
      name: 'Minister of Labour',
      organisation: 'Ministry of Labour',
      email: 'labour-minister@example.org',
      locale: 'ru',
      timeZone: 'Asia/Almaty',
      hourlyCap: '10',
    });
    expect(ok.statusCode).toBe(303);
    const added = (await targetsOf()).find((x) => x.email === 'labour-minister@example.org');
    expect(added).toMatchObject({ kind: 'target', time_zone: 'Asia/Almaty', hourly_cap: 10, locale: 'ru' });
    expect(ok.headers.location).toBe(`${page}?done=added#target-${added!.id}`);
    expect((await get(t.app, ok.headers.location!, browser)).body).toContain('The target is added.');
    const after = await get(t.app, `/en/campaigns/${erlan}`);
    expect(after.body).toContain('labour-minister@example.org');

    const duplicate = await post(t.app, page, browser, {
      kind: 'copy',
      name: 'Again',
      email: 'LABOUR-minister@example.org',
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('This campaign already writes to this address.');
  });

  it('changes a bounced target: its address through delivery’s rule (held messages released), the rest audited', async () => {
    const press = (await targetsOf()).find((x) => x.email === 'press@mfa-kz.example.org')!;
    await sign(t, campaignId, 2);
    await t.db.kysely
      .updateTable('targets')
      .set({ status: 'bounced', bounced_at: 1 })
      .where('id', '=', press.id)
      .execute();
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'held' })
      .where('target_id', '=', press.id)
      .execute();

    const form = await get(t.app, `${page}?edit=${press.id}`, browser);
    expect(form.body).toContain('Address bounced');
    expect(form.body).toContain('value="press@mfa-kz.example.org"');
    const res = await post(t.app, `${page}/${press.id}`, browser, {
      name: 'Press Service of the MFA',
      organisation: 'Ministry of Foreign Affairs',
      email: 'press-office@mfa-kz.example.org',
      locale: 'ru',
      timeZone: 'Asia/Almaty',
      hourlyCap: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=changed&n=2#target-${press.id}`);
    expect((await get(t.app, res.headers.location!, browser)).body).toContain(
      '2 held messages now go to the new address.',
    );
    const now = (await targetsOf()).find((x) => x.id === press.id);
    expect(now).toMatchObject({
      name: 'Press Service of the MFA',
      email: 'press-office@mfa-kz.example.org',
      status: 'active',
      replaced_email: 'press@mfa-kz.example.org',
      time_zone: 'Asia/Almaty',
    });
    expect(await auditActions(t.db, 'target')).toEqual(['target.changed', 'target.address_replaced']);
  });

  it('asks before removing, says how many waiting messages it cancels, and never sends them', async () => {
    const akorda = (await targetsOf()).find((x) => x.email === 'akorda.press@example.org')!;
    await sign(t, campaignId, 3);
    const confirm = await get(t.app, `${page}?remove=${akorda.id}`, browser);
    expect(confirm.body).toContain('Remove Press Service of the President (Akorda)?');
    expect(confirm.body).toContain('3 messages waiting for this address will be cancelled and never sent.');

    const res = await post(t.app, `${page}/${akorda.id}/remove`, browser);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=removed&n=3`);
    expect((await get(t.app, res.headers.location!, browser)).body).toContain(
      'Removed. 3 waiting messages were cancelled and will not be sent.',
    );
    expect((await targetsOf()).some((x) => x.id === akorda.id)).toBe(false);
    const left = await t.db.kysely
      .selectFrom('messages')
      .select('id')
      .where('target_id', '=', akorda.id)
      .execute();
    expect(left).toEqual([]);
    expect((await get(t.app, `/en/campaigns/${erlan}`)).body).not.toContain('akorda.press@example.org');
    expect((await post(t.app, `${page}/${akorda.id}/remove`, browser)).statusCode).toBe(404);
    // An id no link of ours carries is the 404 page too, for each row route.
    for (const action of ['', '/remove', '/move'])
      expect((await post(t.app, `${page}/0x1${action}`, browser, { direction: 'up' })).statusCode).toBe(404);
  });

  it('reorders targets with up and down', async () => {
    const [first, second] = (await targetsOf()).filter((x) => x.kind === 'target');
    const res = await post(t.app, `${page}/${second!.id}/move`, browser, { direction: 'up' });
    expect(res.statusCode).toBe(303);
    const order = (await targetsOf()).filter((x) => x.kind === 'target').map((x) => x.id);
    expect(order.slice(0, 2)).toEqual([second!.id, first!.id]);
    expect(
      (await post(t.app, `${page}/${second!.id}/move`, browser, { direction: 'sideways' })).statusCode,
    ).toBe(400);
  });

  it('imports a pasted CSV: the report first, then only the good rows, in one go', async () => {
    const csv = [
      'name,organisation,email,language,time zone',
      'Minister of Labour,Ministry of Labour,minister@labour.example.org,ru,Asia/Almaty',
      'Broken,Ministry of Labour,not-an-address,ru,Asia/Almaty',
      'Deputy Minister,Ministry of Labour,deputy@labour.example.org,,',
      'Already there,,akorda.press@example.org,,',
    ].join('\n');
    const count = (await targetsOf()).length;
    const report = await post(t.app, `${page}/import`, browser, { csv });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Nothing is saved yet.');
    expect(report.body).toContain('Row 3: The email address is not valid.');
    expect(report.body).toContain(
      'Row 5: \u2068akorda.press@example.org\u2069 is already a target or copy address of this campaign.',
    );
    expect(report.body).toContain('Import the 2 good rows');
    expect(report.body).toContain('Minister of Labour,Ministry of Labour'); // the pasted text is kept
    expect((await targetsOf()).length).toBe(count);

    const token = /name="rows" value="([^"]+)"/.exec(report.body)![1]!;
    const forged = `${token.slice(0, -3)}abc`;
    const refused = await post(t.app, `${page}/import/confirm`, browser, { rows: forged });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('This report is more than an hour old or was changed.');
    const otherEditor = await signedIn(t, 'editor', { email: 'other@example.org' });
    expect((await post(t.app, `${page}/import/confirm`, otherEditor, { rows: token })).statusCode).toBe(422);
    expect((await targetsOf()).length).toBe(count);

    const saved = await post(t.app, `${page}/import/confirm`, browser, { rows: token });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page}?done=imported&n=2&m=0#targets-heading`);
    expect((await get(t.app, saved.headers.location!, browser)).body).toContain('2 targets imported.');
    const after = await targetsOf();
    expect(after.length).toBe(count + 2);
    expect(after.map((x) => x.email)).toEqual(
      expect.arrayContaining(['minister@labour.example.org', 'deputy@labour.example.org']),
    );
    expect(after.some((x) => x.name === 'Broken')).toBe(false);
    // The same report once more: both addresses are targets now.
    const again = await post(t.app, `${page}/import/confirm`, browser, { rows: token });
    expect(again.headers.location).toBe(`${page}?done=imported&n=0&m=2#targets-heading`);
    // Nothing was saved the second time, so nothing is audited.
    expect(await auditActions(t.db, 'campaign')).toEqual(['targets.imported']);
  });

  it('imports an uploaded semicolon file with a BOM, and refuses files it cannot read, translated', async () => {
    const bytes = new TextEncoder().encode('\ufeffemail;name\r\nhr@employer.example.org;"Director; HR"\r\n');
    const report = await multipart(`${page}/import`, browser, {}, { name: 'file', bytes });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Import the good row');
    expect(report.body).toContain('Director; HR');

    const latin1 = new Uint8Array([...new TextEncoder().encode('name,email\n'), 0xe9, 0x2c, 0x61, 0x0a]);
    const notUtf8 = await multipart(`${page}/import`, browser, {}, { name: 'file', bytes: latin1 });
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.body).toContain('The file is not in UTF-8.');

    const huge = new Uint8Array(1_000_001).fill(0x41);
    const tooLarge = await multipart(`${page}/import`, browser, {}, { name: 'file', bytes: huge });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.body).toContain('The file is too large: at most 1 MB.');

    const nothing = await post(t.app, `${page}/import`, browser, { csv: '  ' });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.body).toContain('Choose a file or paste the rows.');

    const arabic = await signedIn(t, 'editor', { email: 'ar@example.org', locale: 'ar' });
    const noEmail = await post(t.app, `${page}/import`, arabic, { csv: 'name,organisation\nA,B\n' });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.body).toContain('يحتاج صف العناوين إلى الأعمدة');
  });

  it('shows what a target receives and sends exactly that to the editor, marked as a test, never to the target', async () => {
    const added = await post(t.app, page, browser, {
      kind: 'target',
      name: 'DOLE Secretary',
      email: 'secretary@dole.example.org',
      locale: 'tl',
    });
    expect(added.statusCode).toBe(303);
    const target = (await targetsOf()).find((x) => x.email === 'secretary@dole.example.org')!;

    const preview = await get(t.app, `${page}/test?target=${target.id}`, browser);
    expectPage(preview, 200, [
      'Palayain si Erlan Baltabay',
      'Sumusulat ako upang hilingin',
      'campaigns+kazakhstan-free-erlan-baltabay@outcry.example.org',
      'Kofi Boateng &lt;editor@example.org>',
    ]);
    expect((await get(t.app, `${page}/test`, browser)).body).toContain('Free Erlan Baltabay');
    expect((await get(t.app, `${page}/test?target=99999`, browser)).statusCode).toBe(404);

    const mail = await startMailWorker(t);
    try {
      const sent = await post(t.app, `${page}/test`, browser, { targetId: String(target.id) });
      expect(sent.statusCode).toBe(303);
      expect(sent.headers.location).toBe(`${page}/test?target=${target.id}&done=sent`);
      expect((await get(t.app, sent.headers.location!, browser)).body).toContain(
        'The test message is on its way to \u2068editor@example.org\u2069.',
      );
      expect(await mail.drain()).toBe(1);
      expect(mail.sink.messages).toHaveLength(1);
      const [message] = mail.sink.messages;
      expect(message!.envelope.to).toEqual(['editor@example.org']);
      const parsed = message!.parsed;
      expect(parsed.subject).toBe('[Test] Palayain si Erlan Baltabay');
      // The From name is in the letter's language, as delivery writes it.
      expect(parsed.from?.value).toEqual([
        {
          name: 'Kofi Boateng sa pamamagitan ng Outcry',
          address: 'campaigns+kazakhstan-free-erlan-baltabay@outcry.example.org',
        },
      ]);
      expect(parsed.replyTo?.value).toEqual([{ name: 'Kofi Boateng', address: 'editor@example.org' }]);
      expect(parsed.headers.get('content-language')).toBe('tl');
      expect(parsed.text).toContain(
        'Sumusulat ako upang hilingin ang agarang pagpapalaya kay Erlan Baltabay',
      );
      expect(parsed.text).toContain('Kofi Boateng');
      expect(message!.raw).not.toContain('secretary@dole.example.org');
    } finally {
      await mail.close();
    }
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).execute();
    expect(audit).toContainEqual({ action: 'target.test_message_sent', entity_id: String(target.id) });
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, `${page}/test`, translator)).statusCode).toBe(200);
    expect((await post(t.app, `${page}/test`, translator, { targetId: String(target.id) })).statusCode).toBe(
      403,
    );
  });
  it('composes the test exactly like the letter delivery sends for a real signature with the default message', async () => {
    await post(t.app, page, browser, {
      kind: 'target',
      name: 'DOLE Secretary',
      email: 'secretary@dole.example.org',
      locale: 'tl',
    });
    const target = (await targetsOf()).find((x) => x.email === 'secretary@dole.example.org')!;
    const mail = await startMailWorker(t);
    const rig = await deliveryRig(t);
    try {
      await post(t.app, `${page}/test`, browser, { targetId: String(target.id) });
      await mail.drain();
      const test = mail.sink.messages[0]!.parsed;

      // A supporter with the editor's name and address signs in Tagalog with the default message, and
      // confirms (only a confirmed address is given to targets as Reply-To).
      const content = await t.services.campaigns.findBySlug(erlan);
      const tagalog = content!.translations.find((x) => x.locale === 'tl')!;
      await sign(t, campaignId, 1, () => ({
        status: 'pending',
        tokenHash: 'kofi-token-hash',
        locale: 'tl',
        input: {
          name: 'Kofi Boateng',
          email: { address: 'editor@example.org', canonical: 'editor@example.org' },
          union: null,
          // Signatures always carry a country; the editor's test has none (the foot's only difference).
          country: 'PH',
          message: tagalog.defaultMessage,
          alerts: false,
          anonymous: false,
          source: null,
        },
      }));
      await t.services.signatureStore.confirm('kofi-token-hash', t.services.clock.now(), 86_400_000);
      await rig.dispatcher.runOnce();
      const real = rig.sink.messages.find((m) => m.envelope.to[0] === 'secretary@dole.example.org')!.parsed;

      expect(test.subject).toBe(`[Test] ${real.subject}`);
      expect(test.from?.value).toEqual(real.from?.value);
      expect(test.replyTo?.value).toEqual(real.replyTo?.value);
      const country = new Intl.DisplayNames(['tl'], { type: 'region' }).of('PH')!;
      expect(real.text).toContain(`Kofi Boateng\n${country}`);
      expect(test.text).toBe(real.text!.replace(`\n${country}`, ''));
      expect(test.headers.get('content-language')).toBe(real.headers.get('content-language'));
      expect(rig.sink.messages.some((m) => m.envelope.to.includes('editor@example.org'))).toBe(false);
    } finally {
      await rig.close();
      await mail.close();
    }
  });
});
