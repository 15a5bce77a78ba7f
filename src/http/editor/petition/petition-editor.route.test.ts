// Editors hiding a signer from the petition through HTTP: the list with names as typed and as shown, hide and
// show again (audited, with the public petition following at once), a second press changing nothing, and
// roles that may not, forged posts and malformed input refused.
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const page = `/editor/campaigns/${erlan}/petition`;
const t0 = Date.UTC(2026, 10, 23, 10);

describe.each(testDialects)('petition moderation on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  let campaignId: number;

  editorPerTest(dialect, (app) => ({ t, editor, campaignId } = app));

  const signed = async (name: string, at: number, status: 'confirmed' | 'pending' = 'confirmed') =>
    (await recordSigner(t, campaignId, name, 'KZ', at, { status })).signatureId;
  const publicNames = async () =>
    [
      ...(await get(t.app, `/en/campaigns/${erlan}/petition`)).body.matchAll(/<bdi>([^<]*)<\/bdi><\/span>/g),
    ].map((m) => m[1]);

  it('hides a signer from the public petition and shows them again, each audited', async () => {
    const ana = await signed('Ana Souza', t0);
    await signed('Bakyt Tulegenov', t0 + 1_000);
    await signed('Pending Person', t0 + 2_000, 'pending');

    const list = await get(t.app, page, editor);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h1>Signers on the petition</h1>');
    expect(list.body).toContain('Appears as');
    expect(list.body).toContain('Bakyt T.');
    expect(list.body).not.toContain('Pending Person');
    expect(await publicNames()).toEqual(['Bakyt T.', 'Ana S.']);

    const hidden = await post(t.app, `${page}/hide`, editor, { id: String(ana) });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe(`${page}?done=hidden`);
    expect(await publicNames()).toEqual(['Bakyt T.']);
    const after = await get(t.app, `${page}?done=hidden`, editor);
    expect(after.body).toContain('The signer is hidden from the petition.');
    expect(after.body).toContain(
      'Show Ana Souza on the petition again'.replace('Ana Souza', '\u2068Ana Souza\u2069'),
    );
    // The signature still counts.
    const row = await t.db.kysely
      .selectFrom('signatures')
      .select(['status', 'petition_hidden_by'])
      .where('id', '=', ana)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    expect(Number(row.petition_hidden_by)).toBeGreaterThan(0);

    const again = await post(t.app, `${page}/hide`, editor, { id: String(ana) });
    expect(again.headers.location).toBe(`${page}?done=unchanged`);
    const shown = await post(t.app, `${page}/show`, editor, { id: String(ana) });
    expect(shown.headers.location).toBe(`${page}?done=shown`);
    expect(await publicNames()).toEqual(['Bakyt T.', 'Ana S.']);

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_type', 'entity_id', 'actor_email'])
      .where('action', 'like', 'petition.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'petition.signer_hidden',
        entity_type: 'signature',
        entity_id: String(ana),
        actor_email: 'editor@example.org',
      },
      {
        action: 'petition.signer_shown',
        entity_type: 'signature',
        entity_id: String(ana),
        actor_email: 'editor@example.org',
      },
    ]);
    const log = await get(t.app, '/editor/audit', await signedIn(t, 'admin'));
    expect(log.body).toContain('Signer hidden from the petition');
  });

  it("refuses roles without campaigns:edit, forged posts, other campaigns' signatures and malformed ids", async () => {
    const ana = await signed('Ana Souza', t0);
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, page, translator)).statusCode).toBe(403);
    expect((await post(t.app, `${page}/hide`, translator, { id: String(ana) })).statusCode).toBe(403);
    expect(
      (await post(t.app, `${page}/hide`, { ...editor, csrf: 'forged' }, { id: String(ana) })).statusCode,
    ).toBe(403);
    expect((await post(t.app, `${page}/hide`, editor, { id: 'x' })).statusCode).toBe(400);
    expect((await post(t.app, `${page}/hide`, editor, { id: [String(ana), '2'] })).statusCode).toBe(400);
    expect((await post(t.app, `${page}/hide`, editor, { id: '999999' })).statusCode).toBe(404);
    const other = 'belarus-trade-unionism-is-not-extremism';
    expect(
      (await post(t.app, `/editor/campaigns/${other}/petition/hide`, editor, { id: String(ana) })).statusCode,
    ).toBe(404);
    expect((await get(t.app, `${page}?after=nonsense`, editor)).statusCode).toBe(400);
    expect(await publicNames()).toEqual(['Ana S.']);
  });
});
