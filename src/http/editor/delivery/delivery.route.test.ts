// The editors' delivery page end to end: a bounce shows up with its error and held messages; a new address
// sends them there; a policy-blocked domain is resumed; unknowns are resent only on request; every change
// is in the audit log; partners cannot act; bad input gets the translated error and changes nothing.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { auditActions, campaignIdOf, testDialects } from '../../../../test/db.js';
import { type DeliveryRig, deliveryRig, messageStatuses, sign } from '../../../../test/delivery-helpers.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('editor delivery page on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let rig: DeliveryRig | undefined;
  const page = `/editor/campaigns/${erlan}/delivery`;

  appPerTest(dialect, (app) => ({ t, clock } = app));

  async function target(email: string) {
    return t.db.kysely.selectFrom('targets').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  }

  it('shows a bounce, takes a new address and delivers the held messages there', async () => {
    await sign(t, await campaignIdOf(t.db, erlan), 3);
    rig = await deliveryRig(t, {
      script: {
        onRcptTo: (to) =>
          to === 'press@mfa-kz.example.org' ? { code: 550, message: '5.1.1 User unknown' } : undefined,
      },
    });
    await rig.dispatcher.runOnce();
    const editor = await signedIn(t, 'editor');
    const before = await get(t.app, page, editor);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('address bounced');
    expect(before.body).toContain('550 5.1.1 User unknown');
    expect(before.body).toMatch(/Held<\/dt><dd>2</);
    expect(before.body).toContain('Use this address and send the held messages');

    const press = await target('press@mfa-kz.example.org');
    const bad = await post(t.app, `${page}/targets/${press.id}/replace`, editor, { email: 'not an address' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('aria-invalid="true"');
    expect((await target('press@mfa-kz.example.org')).status).toBe('bounced');

    const ok = await post(t.app, `${page}/targets/${press.id}/replace`, editor, {
      email: 'press-office@mfa-kz.example.org',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${page}?done=replaced#target-${press.id}`);
    expect(await target('press-office@mfa-kz.example.org')).toMatchObject({
      status: 'active',
      replaced_email: 'press@mfa-kz.example.org',
    });
    const audit = await auditEntries(t.db, { action: 'target.address_replaced' });
    expect(audit).toHaveLength(1);

    clock.advance(3 * 60_000);
    await rig.dispatcher.runOnce();
    expect(
      rig.sink.messages.filter((m) => m.envelope.to[0] === 'press-office@mfa-kz.example.org'),
    ).toHaveLength(1);
    expect((await messageStatuses(t))['press-office@mfa-kz.example.org']).toMatchObject({
      bounced: 1,
      sent: 1,
      queued: 1,
    });
    const after = await get(t.app, `${page}?done=replaced`, editor);
    expect(after.body).toContain('New address saved');
    expect(after.body).toContain('Previous address: press@mfa-kz.example.org');
  });

  it('resumes a domain that blocked us, and resends unknowns only on request', async () => {
    await sign(t, await campaignIdOf(t.db, erlan), 1);
    let block = true;
    rig = await deliveryRig(t, {
      script: {
        onData: (raw) => {
          if (/^To:.*@mfa-kz\.example\.org/m.test(raw) && block)
            return { code: 554, message: '5.7.1 Blocked' };
          if (raw.includes('knprkcampaign@example.org')) return 'drop';
          return undefined;
        },
      },
    });
    await rig.dispatcher.runOnce();
    const editor = await signedIn(t, 'editor');
    const body = (await get(t.app, page, editor)).body;
    expect(body).toContain('All mail to mfa-kz.example.org is paused');
    expect(body).toContain('Resend 1 message');

    block = false;
    expect((await post(t.app, `${page}/domains/mfa-kz.example.org/resume`, editor)).statusCode).toBe(303);
    const domain = await t.db.kysely
      .selectFrom('mail_domains')
      .selectAll()
      .where('domain', '=', 'mfa-kz.example.org')
      .executeTakeFirstOrThrow();
    expect(domain.paused_at).toBeNull();

    const knpr = await target('knprkcampaign@example.org');
    expect((await post(t.app, `${page}/targets/${knpr.id}/resend-unknown`, editor)).statusCode).toBe(303);
    expect((await messageStatuses(t))['knprkcampaign@example.org']).toEqual({ queued: 1 });
    expect(await auditActions(t.db, 'mail_domain', 'target')).toEqual([
      'mail_domain.resumed',
      'target.unknown_resent',
    ]);
  });

  it('lets partners read nothing here and translators read but not act', async () => {
    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, page, partner)).statusCode).toBe(403);
    const translator = await signedIn(t, 'translator');
    const res = await get(t.app, page, translator);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Pause this target');
    const press = await target('press@mfa-kz.example.org');
    expect((await post(t.app, `${page}/targets/${press.id}/pause`, translator)).statusCode).toBe(403);
    expect((await get(t.app, '/editor/delivery', translator)).body).toContain('Kazakhstan');
  });

  it('answers 404 for an unknown campaign or a target of another campaign', async () => {
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/campaigns/no-such-campaign/delivery', editor)).statusCode).toBe(404);
    const other = await t.db.kysely
      .selectFrom('targets')
      .select('id')
      .where('email', '!=', 'press@mfa-kz.example.org')
      .where('campaign_id', '!=', (await target('press@mfa-kz.example.org')).campaign_id)
      .executeTakeFirst();
    if (other) expect((await post(t.app, `${page}/targets/${other.id}/pause`, editor)).statusCode).toBe(404);
    expect((await post(t.app, `${page}/targets/abc/pause`, editor)).statusCode).toBe(404);
  });
});
