// Delivery end to end against a real SMTP server on loopback and a real database: composition and DKIM,
// pacing per address, and every SMTP answer in quality.md, each with what it must do to the message, the
// target address and the destination domain.
import { dkimVerify } from 'mailauth';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { campaignIdOf, jobPayloads, testDialects } from '../../../test/db.js';
import {
  createCampaign,
  createDigestCampaign,
  type DeliveryRig,
  deliveryRig,
  dkimResolver,
  insertAlertTeam,
  mailDomain,
  messageStatuses,
  sign,
} from '../../../test/delivery-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import type { FakeClock } from '../../../test/fake-clock.js';
import { erlan, formToken, postSign } from '../../../test/sign-helpers.js';
import type { SinkScript } from '../../../test/smtp-sink.js';
import { startMailWorker, type TestApp } from '../../../test/test-app.js';
import { parseBounceAddress } from '../../security/bounce-address.js';

const minute = 60_000;
/** The SMTP server knows no such mailbox as the campaign's director (5.1.1), and takes every other. */
const directorUnknown: SinkScript = {
  onRcptTo: (to) =>
    to === 'director@hospital.example.org' ? { code: 550, message: '5.1.1 No such user' } : undefined,
};

describe.each(testDialects)('delivery on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let rig: DeliveryRig | undefined;

  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('sends one DKIM-signed letter per target and union copy, bilingual where the campaign has the target language', async () => {
    const id = await campaignIdOf(t.db, erlan);
    // Maria confirms by the link we mail her, so her address is hers: targets may reply to it.
    await sign(t, id, 1, () => ({
      status: 'pending',
      tokenHash: 'maria-token-hash',
      locale: 'tl',
      email: 'maria@example.org',
      input: {
        name: 'Maria Santos',
        email: { address: 'maria@example.org', canonical: 'maria@example.org' },
        union: 'KMU',
        country: 'PH',
        message: 'Palayain si Erlan Baltabay!\r\n\r\n\r\nIgalang ang karapatan ng mga manggagawa.',
        alerts: false,
        anonymous: false,
        source: null,
      },
    }));
    expect(
      (await t.services.signatureStore.confirm('maria-token-hash', clock.now(), 86_400_000)).status,
    ).toBe('confirmed');
    rig = await deliveryRig(t);
    expect(await rig.dispatcher.runOnce()).toBe(7);
    const got = await rig.sink.waitFor(7);
    const byTo = new Map(got.map((m) => [m.envelope.to[0], m]));

    // An English-speaking target: the campaign's English message, then Maria's own words in Tagalog.
    const geneva = byTo.get('mission@kazakhstan-geneva.example.org')!;
    expect(geneva.parsed.from?.value[0]).toMatchObject({ name: 'Maria Santos via Outcry' });
    expect(geneva.parsed.from?.value[0]?.address).toMatch(/^campaigns\+kazakhstan-free-erlan-baltabay@/);
    expect(geneva.parsed.replyTo?.value[0]).toMatchObject({
      name: 'Maria Santos',
      address: 'maria@example.org',
    });
    expect(geneva.parsed.headers.get('content-language')).toBe('en');
    const text = geneva.parsed.text ?? '';
    // ICU names `tl` Filipino in English.
    expect(text).toContain('Maria Santos wrote, in Filipino:');
    expect(text).toContain('Palayain si Erlan Baltabay!\n\nIgalang');
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.trimEnd().endsWith('Maria Santos\nKMU\nPhilippines')).toBe(true);

    // A Russian-speaking target: no Russian text exists, so the letter is Maria's, in Tagalog only.
    const akorda = byTo.get('akorda.press@example.org')!;
    expect(akorda.parsed.headers.get('content-language')).toBe('tl');
    expect(akorda.parsed.text).not.toContain('wrote, in');
    expect(akorda.parsed.text?.trimEnd().endsWith('KMU\nPilipinas')).toBe(true);

    // Every message: verified by an independent DKIM verifier; VERP sender naming the stored message.
    const rows = await t.db.kysely
      .selectFrom('messages')
      .select(['id', 'status', 'message_id_header', 'to_address'])
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    for (const m of got) {
      const result = await dkimVerify(m.raw, { resolver: dkimResolver });
      expect(result.results[0]?.status.result).toBe('pass');
      const messageId = parseBounceAddress(m.envelope.from, t.config.APP_SECRET);
      const row = rows.find((r) => r.id === messageId)!;
      expect(row.to_address).toBe(m.envelope.to[0]);
      expect(m.parsed.messageId).toBe(row.message_id_header);
    }
  });

  it('quotes supporters in the language of the text they saw and sent, never the default message as theirs', async () => {
    const source = buildCampaign().translations[0]!;
    const korean = {
      ...source,
      locale: 'ko',
      headline: '한국: 해고된 간호사를 복직시키십시오',
      defaultMessage: '간호사들을 복직시키십시오.',
      targetSubject: '간호사 복직',
    };
    const [director] = buildCampaign().targets;
    const campaign = buildCampaign({
      confirmationMode: 'immediate',
      translations: [source, korean],
      targets: [
        director!,
        { ...director!, name: 'Ministry', email: 'minister@labour.example.org', locale: 'en' },
      ],
    });
    await createCampaign(t, campaign);
    // Arabic interface, no Arabic text: the page falls back to English, and that is what they send.
    const signAr = async (name: string, email: string, message: string) => {
      const token = await formToken(t.app, 'ar', campaign.slug);
      clock.advance(20_000);
      const res = await postSign(t.app, 'ar', { token, name, email, country: 'EG', message }, campaign.slug);
      expect(res.statusCode).toBe(303);
    };
    await signAr('Fatima Zahra', 'fatima@example.org', 'Reinstate the nurses.\r\n');
    await signAr('Omar Said', 'omar@example.org', 'Reinstate them all, today.');

    rig = await deliveryRig(t);
    await t.db.kysely.updateTable('targets').set({ hourly_cap: 0 }).execute();
    expect(await rig.dispatcher.runOnce()).toBe(4);
    const got = await rig.sink.waitFor(4);
    const letter = (to: string, from: string) =>
      got.find((m) => m.envelope.to[0] === to && m.parsed.from?.value[0]?.name?.startsWith(from))!.parsed
        .text ?? '';

    // The English target: Fatima's letter is the English default message, once, with nothing quoted.
    expect(letter('minister@labour.example.org', 'Fatima')).toBe(
      'Reinstate the nurses.\n\nFatima Zahra\nEgypt\n',
    );
    // Omar wrote in English, the letter's language: his words alone, no "wrote, in" line.
    expect(letter('minister@labour.example.org', 'Omar')).toBe(
      'Reinstate them all, today.\n\nOmar Said\nEgypt\n',
    );
    // The Korean target: the campaign's Korean text; Fatima's unchanged default is not quoted beneath.
    const toDirectorF = letter('director@hospital.example.org', 'Fatima');
    expect(toDirectorF.startsWith('간호사들을 복직시키십시오.\n\nFatima Zahra\n')).toBe(true);
    expect(toDirectorF).not.toContain('Reinstate');
    // Omar's own words go beneath the Korean text, labelled English (never Arabic).
    const toDirectorO = letter('director@hospital.example.org', 'Omar');
    const english = new Intl.DisplayNames(['ko'], { type: 'language' }).of('en')!;
    const arabic = new Intl.DisplayNames(['ko'], { type: 'language' }).of('ar')!;
    expect(toDirectorO).toContain(english);
    expect(toDirectorO).not.toContain(arabic);
    expect(toDirectorO).toContain('간호사들을 복직시키십시오.');
    expect(toDirectorO).toContain('Reinstate them all, today.');
  });

  it('gives targets a supporter address as Reply-To only once its owner confirmed it (decision 0015)', async () => {
    const id = await createCampaign(t, buildCampaign({ targets: [buildCampaign().targets[0]!] }));
    const as = (name: string, email: string) => ({
      email,
      input: {
        name,
        email: { address: email, canonical: email },
        union: null,
        country: 'KR',
        message: 'Reinstate the nurses.',
        alerts: false,
        source: null,
        anonymous: false,
      },
    });
    /** Signs confirm-first and follows the link mailed for it (its token `token`). */
    const signByLink = async (campaignId: number, name: string, email: string, token: string) => {
      await sign(t, campaignId, 1, () => ({ ...as(name, email), status: 'pending', tokenHash: token }));
      await t.services.signatureStore.confirm(token, clock.now(), 86_400_000);
    };
    // Immediate mode: counted and queued at once, for an address anyone could have typed.
    await sign(t, id, 1, () => as('Kim Min-ji', 'kim@example.org'));
    // Confirm-first: the link reached its owner.
    await signByLink(id, 'Park Ji-woo', 'park@example.org', 'park');
    // Kim confirms a signature of another campaign before her letter leaves: it is composed when sent.
    const other = await createCampaign(t, buildCampaign({ confirmationMode: 'confirm_first' }));
    await sign(t, id, 1, () => as('Lee Seo-yeon', 'lee@example.org'));
    await signByLink(other, 'Lee Seo-yeon', 'lee@example.org', 'lee');
    await t.db.kysely.updateTable('targets').set({ hourly_cap: 0 }).execute();
    await t.db.kysely.deleteFrom('messages').where('campaign_id', '=', other).execute();

    rig = await deliveryRig(t);
    await rig.dispatcher.runOnce();
    const got = await rig.sink.waitFor(3);
    const replyTo = new Map(got.map((m) => [m.parsed.from?.value[0]?.name, m.parsed.replyTo?.value ?? null]));
    expect(replyTo).toEqual(
      new Map([
        ['Kim Min-ji via Outcry', null],
        ['Park Ji-woo via Outcry', [{ name: 'Park Ji-woo', address: 'park@example.org' }]],
        ['Lee Seo-yeon via Outcry', [{ name: 'Lee Seo-yeon', address: 'lee@example.org' }]],
      ]),
    );
    for (const m of got) expect(m.raw).not.toContain('kim@example.org');
  });

  it('a supporter name or union that tries header injection adds no header and no recipient', async () => {
    const id = await createCampaign(t, buildCampaign({ targets: [buildCampaign().targets[0]!] }));
    const payloads = [
      'x\r\nBcc: a@evil.example',
      'x%0d%0aBcc: b@evil.example',
      'x\u2028Bcc: c@evil.example',
      'x\u0085Cc: d@evil.example',
    ];
    // Names are refused at the sign form; this goes straight to storage, as an old or imported row might.
    await sign(t, id, payloads.length, (i) => ({
      input: {
        name: payloads[i]!,
        email: { address: `inj${i}@example.org`, canonical: `inj${i}@example.org` },
        union: payloads[i]!,
        country: 'KR',
        message: `${payloads[i]!}\n{{ secret }} \${process.env}`,
        alerts: false,
        anonymous: false,
        source: null,
      },
    }));
    await t.db.kysely.updateTable('targets').set({ hourly_cap: 0 }).execute();
    rig = await deliveryRig(t);
    await rig.dispatcher.runOnce();
    const got = await rig.sink.waitFor(payloads.length);
    for (const m of got) {
      expect(m.envelope.to).toEqual(['director@hospital.example.org']);
      expect(m.parsed.headers.has('bcc')).toBe(false);
      expect(m.parsed.headers.has('cc')).toBe(false);
      const headerBlock = m.raw.slice(0, m.raw.search(/\r?\n\r?\n/));
      expect(headerBlock).not.toMatch(/^(Bcc|Cc):/im);
    }
  });

  it('paces each address: one message per slot, the next after 3600 s / cap plus jitter', async () => {
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 4);
    rig = await deliveryRig(t);
    expect(await rig.dispatcher.runOnce()).toBe(2 + 4); // one per capped target, all four to the copy box
    expect(await rig.dispatcher.runOnce()).toBe(0);
    clock.advance(2 * minute); // cap 30: 120 s, +10 % jitter (random 0.5 × 0.2) = 132 s
    expect(await rig.dispatcher.runOnce()).toBe(0);
    clock.advance(15_000);
    expect(await rig.dispatcher.runOnce()).toBe(2);
    expect(rig.sink.messages).toHaveLength(8);
  });

  it('shares one cap between campaigns writing to the same address', async () => {
    const a = await createCampaign(t, buildCampaign());
    const b = await createCampaign(t, buildCampaign());
    await sign(t, a, 1);
    await sign(t, b, 1);
    rig = await deliveryRig(t);
    await rig.dispatcher.runOnce();
    const toDirector = rig.sink.messages.filter((m) => m.envelope.to[0] === 'director@hospital.example.org');
    expect(toDirector).toHaveLength(1);
  });

  it('550 5.1.1: bounces the address, holds its other messages, alerts; a replaced address gets them', async () => {
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 3);
    rig = await deliveryRig(t, { script: directorUnknown });
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ bounced: 1, held: 2 });
    const target = await t.db.kysely
      .selectFrom('targets')
      .selectAll()
      .where('email', '=', 'director@hospital.example.org')
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({ status: 'bounced', last_error: '550 5.1.1 No such user' });
    const alerts = await t.db.kysely.selectFrom('alerts').selectAll().execute();
    expect(alerts).toMatchObject([{ kind: 'target_bounced', target_id: target.id }]);
    expect(await jobPayloads(t.db, 'send-delivery-alert')).toEqual([{ alertId: alerts[0]!.id }]);

    // Nothing more goes to the bounced address while it waits for a new one.
    clock.advance(10 * minute);
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ bounced: 1, held: 2 });

    // A supporter who signs now still writes to that target: the message waits with the others.
    await sign(t, id, 1);
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ bounced: 1, held: 3 });

    // An editor gives the target a new address: every held message goes there, paced as usual.
    const admin = await t.db.kysely
      .insertInto('users')
      .values({ email: 'ad@example.org', name: 'Ad', role: 'admin', locale: 'en', created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const replaced = await t.services.deliveryAdmin.replaceTargetAddress(
      id,
      target.id,
      'office@hospital.example.org',
      { id: admin.id, email: 'ad@example.org' },
      clock.now(),
    );
    expect(replaced).toEqual({ released: 3 });
    for (let round = 0; round < 4; round++) {
      clock.advance(10 * minute);
      await rig.dispatcher.runOnce();
    }
    const toNew = rig.sink.messages.filter((m) => m.envelope.to[0] === 'office@hospital.example.org');
    expect(toNew).toHaveLength(3);
  });

  it('alerts every active admin and editor by mail, in their own language', async () => {
    const now = clock.now();
    await insertAlertTeam(t, now);
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 1);
    rig = await deliveryRig(t, { script: directorUnknown });
    await rig.dispatcher.runOnce();
    const worker = await startMailWorker(t);
    try {
      await worker.drain();
      // The supporter's thank-you mail goes out too; the alerts are the mails to the team.
      const mails = (await worker.sink.waitFor(3)).filter((m) => m.parsed.subject?.includes('director@'));
      expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(['ad@example.org', 'ed@example.org']);
      const ed = mails.find((m) => m.envelope.to[0] === 'ed@example.org')!;
      expect(ed.parsed.subject).toBe('Natigil ang pagpapadala: walang director@hospital.example.org');
      expect(ed.parsed.text).toContain('550 5.1.1 No such user');
      expect(ed.parsed.text).toMatch(
        /https:\/\/outcry\.example\.org\/editor\/campaigns\/nurses-\d+\/delivery/,
      );
    } finally {
      await worker.close();
    }
  });

  it('554 5.7.1: pauses the destination domain and alerts once; other domains go on', async () => {
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 2);
    rig = await deliveryRig(t, {
      script: {
        onData: (raw) =>
          raw.includes('director@hospital.example.org')
            ? { code: 554, message: '5.7.1 Rejected by policy' }
            : undefined,
      },
    });
    await rig.dispatcher.runOnce();
    const domain = await mailDomain(t, 'hospital.example.org');
    expect(domain.paused_at).toBe(clock.now());
    expect(domain.paused_reason).toContain('5.7.1');
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ queued: 2 });
    clock.advance(60 * minute);
    await rig.dispatcher.runOnce();
    const statuses = await messageStatuses(t);
    expect(statuses['director@hospital.example.org']).toEqual({ queued: 2 });
    expect(statuses['minister@labour.example.org']).toEqual({ sent: 2 });
    expect(await t.db.kysely.selectFrom('alerts').select('kind').execute()).toEqual([
      { kind: 'domain_paused' },
    ]);
  });

  it('451 4.7.500: defers with backoff, throttles the domain and drops its concurrency to 1', async () => {
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 1);
    let refusals = 1;
    rig = await deliveryRig(t, {
      script: {
        onData: (raw) =>
          raw.includes('minister@labour.example.org') && refusals-- > 0
            ? { code: 451, message: '4.7.500 Server busy. Please try again later' }
            : undefined,
      },
    });
    await rig.dispatcher.runOnce();
    const message = await t.db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('to_address', '=', 'minister@labour.example.org')
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ status: 'deferred', attempts: 1, next_attempt_at: clock.now() + minute });
    const domain = await mailDomain(t, 'labour.example.org');
    expect(domain).toMatchObject({ concurrency: 1, failures: 1, throttled_until: clock.now() + minute });

    clock.advance(30_000);
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['minister@labour.example.org']).toEqual({ deferred: 1 });
    clock.advance(3 * minute);
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['minister@labour.example.org']).toEqual({ sent: 1 });
    const healed = await mailDomain(t, 'labour.example.org');
    expect(healed).toMatchObject({ failures: 0, throttled_until: null, concurrency: 1 });
  });

  it.each([
    ['421 on connect', { onConnect: () => ({ code: 421, message: '4.7.0 Try again later' }) }],
    ['450 greylisting', { onRcptTo: () => ({ code: 450, message: '4.2.0 Greylisted, please retry' }) }],
    ['452 too many recipients', { onRcptTo: () => ({ code: 452, message: '4.5.3 Too many recipients' }) }],
    ['552 on RCPT', { onRcptTo: () => ({ code: 552, message: '5.2.2 Mailbox full' }) }],
  ])('%s: deferred, then accepted on a later try', async (_label, refuse) => {
    const id = await createCampaign(t, buildCampaign({ targets: [buildCampaign().targets[0]!] }));
    await sign(t, id, 1);
    let first = true;
    const once =
      <A extends unknown[], R>(f: (...a: A) => R) =>
      (...a: A): R | undefined => {
        if (!first) return undefined;
        first = false;
        return f(...a);
      };
    const script = Object.fromEntries(Object.entries(refuse).map(([k, f]) => [k, once(f as () => unknown)]));
    rig = await deliveryRig(t, { script });
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ deferred: 1 });
    // The failed try used the address's slot (cap 30: 132 s); the retry waits for both.
    clock.advance(3 * minute);
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ sent: 1 });
    expect(rig.sink.messages).toHaveLength(1);
  });

  it('a hang-up after DATA is recorded as unknown and never resent', async () => {
    const id = await createCampaign(t, buildCampaign({ targets: [buildCampaign().targets[0]!] }));
    await sign(t, id, 1);
    rig = await deliveryRig(t, { script: { onData: () => 'drop' } });
    await rig.dispatcher.runOnce();
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({ unknown: 1 });
    clock.advance(600 * minute);
    await rig.dispatcher.runOnce();
    expect(rig.sink.attempts).toBe(1);
  });

  it('gives a message up after the configured days of temporary failures', async () => {
    const id = await createCampaign(t, buildCampaign({ targets: [buildCampaign().targets[0]!] }));
    await sign(t, id, 1);
    rig = await deliveryRig(t, {
      script: { onRcptTo: () => ({ code: 450, message: '4.2.0 Try later' }) },
      policy: { giveUpAfterMs: 3 * 3_600_000 },
    });
    for (let i = 0; i < 12; i++) {
      await rig.dispatcher.runOnce();
      clock.advance(30 * minute);
    }
    const message = await t.db.kysely.selectFrom('messages').selectAll().executeTakeFirstOrThrow();
    expect(message.status).toBe('failed');
    expect(message.attempts).toBeGreaterThanOrEqual(3);
    expect(message.last_error).toContain('450');
  });

  it('petition-only campaigns send nothing to targets', async () => {
    const id = await createCampaign(t, buildCampaign({ deliveryMode: 'petition_only' }));
    await sign(t, id, 2);
    rig = await deliveryRig(t);
    expect(await rig.dispatcher.runOnce()).toBe(0);
    expect(rig.sink.attempts).toBe(0);
  });

  it('digest mode: a backlog beyond the cap goes as one digest listing every supporter', async () => {
    const id = await createDigestCampaign(t);
    const countries = ['KR', 'BR', 'ZA', 'KR', 'DE'];
    await sign(t, id, 5, (i) => ({
      input: {
        name: `Supporter ${i + 1}`,
        email: { address: `d${i}@example.org`, canonical: `d${i}@example.org` },
        union: i === 0 ? 'KHMU' : null,
        country: countries[i]!,
        message: `Reinstate the nurses, says number ${i + 1}.\nSecond line not quoted.`,
        alerts: false,
        anonymous: false,
        source: null,
      },
    }));
    rig = await deliveryRig(t);
    expect(await rig.dispatcher.runOnce()).toBe(1);
    const [digest] = await rig.sink.waitFor(1);
    expect(digest!.parsed.subject).toBe('Reinstate the nurses (5 supporters)');
    const text = digest!.parsed.text ?? '';
    expect(text).toMatch(/^5 more supporters from 4 countries wrote to you since /);
    expect(text).toContain('• Supporter 1, KHMU, South Korea: “Reinstate the nurses, says number 1.”');
    expect(text).not.toContain('Second line');
    expect((await messageStatuses(t))['director@hospital.example.org']).toEqual({
      digested: 5,
      'digest:sent': 1,
    });

    // Within the interval, new signatures go one per slot again, not as another digest.
    await sign(t, id, 3);
    clock.advance(35 * minute); // cap 2: the next slot is 30 min + 10 % jitter later
    expect(await rig.dispatcher.runOnce()).toBe(1);
    expect(rig.sink.messages[1]!.parsed.subject).toBe('Reinstate the nurses');
  });

  it('one slow destination domain does not delay the others', async () => {
    const id = await createCampaign(t, buildCampaign());
    await sign(t, id, 1);
    rig = await deliveryRig(t, {
      script: { delayData: (to) => (to.includes('director@hospital.example.org') ? 1_500 : 0) },
    });
    const started = Date.now();
    const round = rig.dispatcher.runOnce();
    await rig.sink.waitFor(2, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(rig.sink.messages.map((m) => m.envelope.to[0]).sort()).toEqual([
      'copies@khmu.example.org',
      'minister@labour.example.org',
    ]);
    await round;
    expect(rig.sink.messages).toHaveLength(3);
  });
});
