// Issue 18's acceptance journey in Chromium, on SQLite and PostgreSQL: an editor runs a campaign's
// launch, escalation and victory mailings to the English and Spanish lists, each composed from its
// template, translated into Spanish on the translation board (a translator saves and submits, the editor
// publishes), sent, and followed on the report until it is done. The mail arrives at a real SMTP sink
// through the real sender, DKIM-signed: each subscriber gets exactly one mail per mailing in their
// language, with one-click unsubscribe headers inside the signature. A GET on the one-click URL changes
// nothing; the mail client's POST unsubscribes at once, and the victory then reaches everyone else only.
// Screenshots of the report and the unsubscribe page at phone and desktop width, and in Arabic.

import { dkimVerify } from 'mailauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoListMembers, seedDemoLists } from '../src/cli/demo/mailing-lists.js';
import { demoCampaignSlug } from '../src/cli/demo/seed.js';
import { MailingQueueStore } from '../src/db/mailing-queue.store.js';
import type { UserRepository } from '../src/db/user.repository.js';
import { systemClock } from '../src/domain/shared/clock.js';
import { createMailingSender, type MailingSender } from '../src/jobs/mailing/sender.js';
import { createSmtpTransport } from '../src/mail/smtp.transport.js';
import type { MailTransport } from '../src/mail/transport.js';
import { testDialects } from '../test/db.js';
import { dkimKey, dkimResolver } from '../test/delivery-helpers.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import {
  describeBrowser,
  desktop,
  freePort,
  launchBrowser,
  logInToEditor,
  phone,
  saveScreenshot,
  translatorAndEditor,
} from './browser.js';

const password = 'a long enough password for the cycle';

type Kind = 'launch' | 'escalation' | 'victory';

/** The Spanish version the translator writes for each mailing; the marker tells the mails apart. */
const spanish: Record<Kind, { subject: string; preheader: string; bodyMd: string }> = {
  launch: {
    subject: 'Lanzamiento: liberen a Erlan Baltabay',
    preheader: 'Firma hoy y compártelo',
    bodyMd: 'Hoy **lanzamos** la campaña por Erlan Baltabay. Firma y pide a tus compañeros que firmen.',
  },
  escalation: {
    subject: 'Escalada: Erlan sigue preso',
    preheader: 'Necesitamos más voces',
    bodyMd: 'La empresa no responde: **escalamos** la campaña. Escribe otra vez y difúndela.',
  },
  victory: {
    subject: 'Victoria: Erlan está libre',
    preheader: 'Gracias a todas y todos',
    bodyMd: 'Erlan Baltabay está **libre**. Gracias a quienes escribieron y a quienes tradujeron.',
  },
};

/** A header as sent (unfolded), not as mailparser interprets it. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const englishAndSpanish = demoListMembers.filter(([, , list]) => list === 'en' || list === 'es');
const localeOf = new Map(englishAndSpanish.map(([, email, list]) => [email, list]));

describeBrowser.each(testDialects)('the mailing cycle in Chromium on %s', (dialect) => {
  let t: TestApp;
  let base = '';
  let browser: Browser;
  let sink: SmtpSink;
  let transport: MailTransport;
  let sender: MailingSender;
  let users: UserRepository;
  let editorId = 0;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(dialect, { BASE_URL: base });
    await t.app.listen({ host: '127.0.0.1', port });
    await seedDemoLists(t.db, Date.now());
    ({ users, editorId } = await translatorAndEditor(
      t.db,
      {
        translator: ['lucia@example.org', 'Lucía'],
        editor: ['amaka@example.org', 'Amaka'],
        languages: ['es'],
      },
      password,
    ));
    // The worker's sender as main.ts wires it, signing with a key the test's resolver publishes.
    sink = await startSmtpSink();
    transport = createSmtpTransport(sink.url, { pool: true, maxConnections: 2, dkim: dkimKey });
    sender = createMailingSender({
      store: new MailingQueueStore(t.db),
      transport,
      clock: systemClock,
      site: {
        name: t.config.SITE_NAME,
        baseUrl: t.config.BASE_URL,
        mailFrom: t.config.MAIL_FROM,
        secret: t.config.APP_SECRET,
      },
      defaultRate: t.config.MAILING_RATE,
      connections: 2,
      pollMs: 100,
    });
    sender.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await sender?.stop();
    await transport?.close();
    await sink?.close();
    await t?.close();
  });

  async function newPage(viewport: { width: number; height: number }, locale = 'en-GB') {
    const context = await browser.newContext({ viewport, locale });
    context.setDefaultTimeout(15_000);
    return { context, page: await context.newPage() };
  }

  /** Composes the kind's mailing from its template for the English and Spanish lists; returns its id. */
  async function compose(page: Page, kind: Kind, campaignId: number): Promise<number> {
    await page.goto(`${base}/editor/mailings`);
    await page.getByLabel('Kind').selectOption(kind);
    await page.getByLabel('Campaign it promotes').selectOption(String(campaignId));
    await page.getByRole('button', { name: 'Start composing' }).click();
    await page.waitForURL(/\/editor\/mailings\/new\?/);
    // The template wrote the subject from the campaign; the editor keeps it.
    expect(await page.getByLabel('Subject').inputValue()).toContain('Erlan');
    await page.getByLabel(/^Arabic \(/).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/editor\/mailings\/\d+\?done=created$/);
    return Number(/mailings\/(\d+)/.exec(page.url())![1]);
  }

  /** The translator fills in the Spanish version from the board and submits it; the editor publishes. */
  async function translate(translator: Page, editor: Page, mailingId: number, kind: Kind) {
    await translator.goto(`${base}/editor/translations`);
    const cell = translator.locator(`[data-mailing="${mailingId}"] .translation-cell[data-locale="es"]`);
    expect(await cell.textContent()).toContain('missing');
    await cell.getByRole('link').click();
    await translator.getByLabel('Subject in Spanish').fill(spanish[kind].subject);
    await translator.getByLabel('Preheader in Spanish').fill(spanish[kind].preheader);
    await translator.getByLabel('Body in Spanish').fill(spanish[kind].bodyMd);
    await translator.getByRole('button', { name: 'Send for review' }).click();
    expect(await translator.locator('.editor-notice').textContent()).toContain('Sent for review.');

    await editor.goto(`${base}/editor/translations`);
    const editorCell = editor.locator(`[data-mailing="${mailingId}"] .translation-cell[data-locale="es"]`);
    expect(await editorCell.textContent()).toContain('in review');
    await editorCell.getByRole('link').click();
    await editor.getByRole('button', { name: 'Publish' }).click();
    expect(await editor.locator('.editor-notice').textContent()).toContain('recipients on this language');
  }

  /** Sends it now to `expected` people and follows the report, without a reload, until it is sent. */
  async function send(page: Page, mailingId: number, expected: number) {
    await page.goto(`${base}/editor/mailings/${mailingId}`);
    await page.getByLabel(`Yes, send it now to ${expected} people`).check();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.waitForURL(`${base}/editor/mailings/${mailingId}/report`);
    await expect
      .poll(() => page.locator('[data-progress-text]').textContent(), { timeout: 30_000, interval: 250 })
      .toBe(`${expected} of ${expected} sent, 0 failed`);
    await expect
      .poll(() => page.locator('[data-progress-status]').textContent(), { timeout: 10_000, interval: 250 })
      .toBe('sent');
  }

  /** The mails of one mailing, by recipient, after checking each arrived once and is signed as it must be. */
  async function mailsOf(mailingId: number, expected: string[]): Promise<Map<string, ReceivedMail>> {
    const ours = () => sink.messages.filter((m) => m.parsed.messageId?.startsWith(`<mailing.${mailingId}.`));
    await expect.poll(() => ours().length, { timeout: 10_000 }).toBe(expected.length);
    const byTo = new Map<string, ReceivedMail>();
    for (const m of ours()) {
      expect(m.envelope.to).toHaveLength(1);
      const to = m.envelope.to[0]!;
      expect(byTo.has(to)).toBe(false);
      byTo.set(to, m);
      expect(rawHeader(m.raw, 'List-Unsubscribe')).toMatch(
        new RegExp(`^<${base.replace(/[.]/g, '\\.')}/unsubscribe/[A-Za-z0-9._-]+>, <mailto:`),
      );
      expect(rawHeader(m.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      const result = await dkimVerify(Buffer.from(m.raw), { resolver: dkimResolver });
      expect(result.results[0]!.status.result).toBe('pass');
      const signed = /\bh=([^;]+)/
        .exec(m.raw.replace(/\r\n[ \t]+/g, ' '))![1]!
        .toLowerCase()
        .replace(/\s+/g, '')
        .split(':');
      expect(signed).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
    }
    expect([...byTo.keys()].sort()).toEqual([...expected].sort());
    return byTo;
  }

  /** Spanish readers get the translator's text, English readers the template's. */
  function expectLanguages(byTo: Map<string, ReceivedMail>, kind: Kind, englishSubject: string) {
    for (const [to, m] of byTo) {
      if (localeOf.get(to) === 'es') {
        expect(m.parsed.subject).toBe(spanish[kind].subject);
        expect(m.parsed.text).toContain(spanish[kind].bodyMd.split('**')[0]!);
        expect(rawHeader(m.raw, 'Content-Language')).toBe('es');
      } else {
        expect(m.parsed.subject).toBe(englishSubject);
        expect(m.parsed.text).not.toContain(spanish[kind].bodyMd.split('**')[0]!);
        expect(rawHeader(m.raw, 'Content-Language')).toBe('en');
      }
    }
  }

  async function listStatus(email: string): Promise<string[]> {
    const rows = await t.db.kysely
      .selectFrom('list_members as l')
      .innerJoin('supporters as s', 's.id', 'l.supporter_id')
      .select('l.status')
      // Addresses are sealed at rest: a supporter is found by the blind index (decision 0023).
      .where('s.email_index', '=', t.db.vault.index(email))
      .execute();
    return rows.map((r) => r.status);
  }

  it('launch, escalation and victory in English and Spanish; one-click unsubscribe stops the next mailing', async () => {
    const campaign = await t.services.campaigns.findBySlug(demoCampaignSlug);
    const contexts: BrowserContext[] = [];
    try {
      const ed = await newPage(desktop);
      const tr = await newPage(phone);
      contexts.push(ed.context, tr.context);
      const editor = ed.page;
      const translator = tr.page;
      await logInToEditor(editor, base, 'amaka@example.org', password);
      await logInToEditor(translator, base, 'lucia@example.org', password);

      const everyone = englishAndSpanish.map(([, email]) => email);
      const ids: Partial<Record<Kind, number>> = {};
      for (const kind of ['launch', 'escalation'] as const) {
        const id = await compose(editor, kind, campaign!.id);
        const englishSubject = await editor.getByLabel('Subject').inputValue();
        await translate(translator, editor, id, kind);
        await send(editor, id, everyone.length);
        expectLanguages(await mailsOf(id, everyone), kind, englishSubject);
        ids[kind] = id;
      }

      // Carlos unsubscribes from the escalation mail. A link scanner's GET first: nothing changes.
      const leaving = 'carlos.ruiz@example.org';
      const escalationMails = await mailsOf(ids.escalation!, everyone);
      const url = /^<([^>]+)>/.exec(rawHeader(escalationMails.get(leaving)!.raw, 'List-Unsubscribe')!)![1]!;
      const scanned = await fetch(url);
      expect(scanned.status).toBe(200);
      expect(await scanned.text()).toContain('Unsubscribe');
      expect(await listStatus(leaving)).toEqual(['subscribed']);

      // What people see when they follow the link, at both widths and in Arabic (a GET again).
      for (const [name, viewport, locale] of [
        ['mailing-cycle-unsubscribe-phone', phone, 'en-GB'],
        ['mailing-cycle-unsubscribe-desktop', desktop, 'en-GB'],
        ['mailing-cycle-unsubscribe-arabic', phone, 'ar'],
      ] as const) {
        const reader = await newPage(viewport, locale);
        contexts.push(reader.context);
        await reader.page.goto(url);
        expect(await reader.page.getByRole('button').count()).toBeGreaterThan(0);
        if (locale === 'ar') expect(await reader.page.locator('html').getAttribute('dir')).toBe('rtl');
        await saveScreenshot(reader.page, name);
      }
      expect(await listStatus(leaving)).toEqual(['subscribed']);

      // The mail client's one-click POST: the RFC 8058 body, no cookie, no form token.
      const oneClick = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      expect(await listStatus(leaving)).toEqual(['unsubscribed']);

      // The escalation's report counts him, on the Spanish line.
      await editor.goto(`${base}/editor/mailings/${ids.escalation}/report`);
      const unsubscribed = (locale: string) =>
        editor.locator(`[data-report="${locale}"] [data-column="unsubscribed"]`).textContent();
      expect([await unsubscribed('es'), await unsubscribed('en')]).toEqual(['1', '0']);

      // The report at phone and desktop width, and in Arabic (right to left).
      const report = `${base}/editor/mailings/${ids.escalation}/report`;
      await editor.goto(report);
      await saveScreenshot(editor, 'mailing-cycle-report-desktop');
      await editor.setViewportSize(phone);
      expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        phone.width,
      );
      await saveScreenshot(editor, 'mailing-cycle-report-phone');
      await editor.setViewportSize(desktop);
      await users.update(editorId, { locale: 'ar' });
      await editor.goto(report);
      expect(await editor.locator('html').getAttribute('dir')).toBe('rtl');
      await saveScreenshot(editor, 'mailing-cycle-report-arabic');
      await users.update(editorId, { locale: 'en' });

      // The victory reaches everyone else, and Carlos not at all.
      const stayed = everyone.filter((e) => e !== leaving);
      const victory = await compose(editor, 'victory', campaign!.id);
      const victorySubject = await editor.getByLabel('Subject').inputValue();
      await translate(translator, editor, victory, 'victory');
      await send(editor, victory, stayed.length);
      expectLanguages(await mailsOf(victory, stayed), 'victory', victorySubject);
      expect(sink.messages.filter((m) => m.envelope.to.includes(leaving))).toHaveLength(2);
      expect(sink.messages).toHaveLength(everyone.length * 2 + stayed.length);
    } finally {
      for (const c of contexts) await c.close();
    }
  }, 150_000);
});
