// The supporter's delivery-status page: counts only what receiving servers accepted, shows each target,
// refuses links it did not make, and is reached from the thank-you mail.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { deliveryRig, sign } from '../../../../test/delivery-helpers.js';
import { erlan } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { statusToken } from '../../../security/status-token.js';

describe.each(testDialects)('delivery status page on %s', (dialect) => {
  let t: TestApp;
  appPerTest(dialect, (app) => ({ t } = app));

  async function campaignId(slug = erlan): Promise<number> {
    const row = await t.db.kysely
      .selectFrom('campaigns')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('says "delivered to 5 of 6" when one address bounced, and lists every target', async () => {
    const [signatureId] = await sign(t, await campaignId(), 1);
    const rig = await deliveryRig(t, {
      script: {
        onRcptTo: (to) =>
          to === 'press@mfa-kz.example.org' ? { code: 550, message: '5.1.1 Unknown' } : undefined,
      },
    });
    try {
      const url = `/en/status/${statusToken(signatureId!, t.config.APP_SECRET)}`;
      const before = await t.app.inject({ url });
      expect(before.statusCode).toBe(200);
      expect(before.body).toContain('Your message was delivered to 0 of 6 addresses.');
      expect(before.body).toContain('/assets/status.js');

      await rig.dispatcher.runOnce();
      const after = await t.app.inject({ url });
      expect(after.body).toContain('Your message was delivered to 5 of 6 addresses.');
      expect(after.body.match(/status__item--delivered/g)).toHaveLength(5);
      expect(after.body.match(/Could not be delivered/g)).toHaveLength(1);
      expect(after.body).not.toContain('industriall'); // the union copy address is not a target
      expect(after.body).not.toContain('/assets/status.js');
      expect(after.headers['cache-control']).toBe('no-store');

      const json = await t.app.inject({ url, headers: { accept: 'application/json' } });
      expect(json.json()).toEqual({ status: 'ok', delivered: 5, total: 6, settling: false });

      const tl = await t.app.inject({ url: url.replace('/en/', '/tl/') });
      expect(tl.body).toContain('Naihatid ang iyong mensahe sa 5 sa 6 address.');
    } finally {
      await rig.close();
    }
  });

  it('shows a letter held because its address bounced as held, not "on its way"', async () => {
    // Two signatures: the first letter to press@ is refused (5.1.1), which holds the second one.
    const [, second] = await sign(t, await campaignId(), 2);
    const rig = await deliveryRig(t, {
      script: {
        onRcptTo: (to) =>
          to === 'press@mfa-kz.example.org' ? { code: 550, message: '5.1.1 Unknown' } : undefined,
      },
    });
    try {
      await rig.dispatcher.runOnce();
      const held = await t.db.kysely
        .selectFrom('messages as m')
        .innerJoin('targets as tg', 'tg.id', 'm.target_id')
        .select('m.status')
        .where('m.signature_id', '=', second!)
        .where('tg.email', '=', 'press@mfa-kz.example.org')
        .executeTakeFirstOrThrow();
      expect(held.status).toBe('held');

      const url = `/en/status/${statusToken(second!, t.config.APP_SECRET)}`;
      const page = await t.app.inject({ url });
      expect(page.body.match(/status__item--held/g)).toHaveLength(1);
      const item = /<li[^>]*status__item--held[^>]*>.*?<\/li>/s.exec(page.body)?.[0] ?? '';
      expect(item).toContain('Held');
      expect(item).not.toContain('On its way');
      expect(page.body).toContain('Held means the address bounced');
      const ar = await t.app.inject({ url: url.replace('/en/', '/ar/') });
      expect(ar.body).toContain('معلّقة');
    } finally {
      await rig.close();
    }
  });

  it('refuses tokens it did not make, with a translated 404', async () => {
    const [signatureId] = await sign(t, await campaignId(), 1);
    const good = statusToken(signatureId!, t.config.APP_SECRET);
    for (const token of [
      `${signatureId! + 1}.${good.split('.')[1]}`,
      statusToken(signatureId!, 'x'.repeat(40)),
      'abc',
      '9'.repeat(150),
    ]) {
      const res = await t.app.inject({ url: `/ar/status/${token}` });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('dir="rtl"');
    }
  });

  it('tells an unconfirmed supporter to confirm first, and a petition-only signer about the printed petition', async () => {
    const [pending] = await sign(t, await campaignId(), 1, () => ({ status: 'pending' }));
    const a = await t.app.inject({ url: `/en/status/${statusToken(pending!, t.config.APP_SECRET)}` });
    expect(a.body).toContain('Your signature is not confirmed yet.');
    const belarus = await t.db.kysely
      .selectFrom('campaigns')
      .select('id')
      .where('delivery_mode', '=', 'petition_only')
      .executeTakeFirstOrThrow();
    const [petition] = await sign(t, belarus.id, 1);
    const b = await t.app.inject({ url: `/en/status/${statusToken(petition!, t.config.APP_SECRET)}` });
    expect(b.body).toContain('printed and delivered by hand');
  });

  it('is linked from the thank-you mail', async () => {
    const [signatureId] = await sign(t, await campaignId(), 1);
    const worker = await startMailWorker(t);
    try {
      await worker.drain();
      const [mail] = await worker.sink.waitFor(1);
      const link = `https://outcry.example.org/en/status/${statusToken(signatureId!, t.config.APP_SECRET)}`;
      expect(mail!.parsed.text).toContain(`Follow your message as it reaches each address:\n${link}`);
    } finally {
      await worker.close();
    }
  });
});
