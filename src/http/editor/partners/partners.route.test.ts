// The partners page end to end on the demo campaign: a logo uploaded through the multipart form is stored
// by the ImageStore and shown on the public page at once; an unreadable file or a `javascript:` link gets
// the translated error with everything else kept; reorder, change and remove are audited; roles and CSRF.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { auditActions, testDialects } from '../../../../test/db.js';
import { type Browser, get, post, postMultipart, signedIn } from '../../../../test/editor-helpers.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

const page = `/editor/campaigns/${erlan}/partners`;

describe.each(testDialects)('editor partners page on %s', (dialect) => {
  let t: TestApp;
  let browser: Browser;
  let campaignId: number;

  editorPerTest(dialect, (app) => ({ t, editor: browser, campaignId } = app));

  const partners = () =>
    t.db.kysely
      .selectFrom('partners')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('id')
      .execute();

  const multipart = (url: string, who: Browser, fields: Record<string, string>, logo?: Uint8Array) =>
    postMultipart(t, url, who, fields, [
      { field: 'logo', bytes: logo ?? new Uint8Array(), name: logo ? 'logo.png' : '' },
    ]);

  const png = () =>
    sharp({
      create: { width: 600, height: 200, channels: 4, background: { r: 200, g: 16, b: 46, alpha: 1 } },
    })
      .png()
      .toBuffer();

  it('adds a partner with an uploaded logo, stored resized and shown on the public page at once', async () => {
    expect((await get(t.app, page, browser)).body).toContain('International Trade Union Confederation');
    const res = await multipart(
      page,
      browser,
      {
        name: 'Building and Wood Workers’ International',
        url: 'https://www.bwint.org',
        description: 'Global union',
      },
      await png(),
    );
    expect(res.statusCode).toBe(303);
    const added = (await partners()).at(-1)!;
    expect(added).toMatchObject({
      name: 'Building and Wood Workers’ International',
      url: 'https://www.bwint.org/',
    });
    expect(added.logo_path).toMatch(/^\/media\/[0-9a-f]+\.png$/);
    const stored = await t.app.inject({ url: added.logo_path! });
    expect(stored.statusCode).toBe(200);
    const meta = await sharp(stored.rawPayload).metadata();
    expect(meta.width).toBeLessThanOrEqual(480);

    const publicPage = await get(t.app, `/en/campaigns/${erlan}`);
    expect(publicPage.body).toContain(`src="${added.logo_path}"`);
    expect(publicPage.body).toContain('alt="Building and Wood Workers’ International"');
  });

  it('keeps what was typed and names each problem: unreadable logo, javascript: link, empty name', async () => {
    const res = await multipart(
      page,
      browser,
      { name: '', url: 'javascript:alert(1)', description: 'Kept description' },
      new TextEncoder().encode('%PDF-1.4 not a picture'),
    );
    expectPage(res, 422, [
      'Enter the name of the organisation.',
      'Enter a full web address starting with https:// or http://.',
      'The logo could not be read. Use a JPEG, PNG, WebP or GIF file.',
      'Kept description',
      'value="javascript:alert(1)"',
    ]);
    expect(await partners()).toHaveLength(3);
  });

  it('changes, reorders and removes partners, audited, and the public page follows', async () => {
    const [first, second] = await partners();
    const logo = await multipart(
      `${page}/${second!.id}`,
      browser,
      { name: 'IndustriALL Global Union', url: '', description: '' },
      await png(),
    );
    expect(logo.statusCode).toBe(303);
    expect((await partners())[1]).toMatchObject({ name: 'IndustriALL Global Union', url: null });
    const logoPath = (await partners())[1]!.logo_path;
    expect(logoPath).toMatch(/^\/media\//);

    // Without a new file the logo stays; "remove" drops it.
    await multipart(`${page}/${second!.id}`, browser, {
      name: 'IndustriALL Global Union',
      url: '',
      description: 'x',
    });
    expect((await partners())[1]!.logo_path).toBe(logoPath);
    await multipart(`${page}/${second!.id}`, browser, {
      name: 'IndustriALL Global Union',
      url: '',
      description: 'x',
      removeLogo: 'yes',
    });
    expect((await partners())[1]!.logo_path).toBeNull();

    expect((await post(t.app, `${page}/${second!.id}/move`, browser, { direction: 'up' })).statusCode).toBe(
      303,
    );
    expect((await partners()).map((p) => p.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    const publicPage = await get(t.app, `/en/campaigns/${erlan}`);
    expect(publicPage.body.indexOf('IndustriALL Global Union')).toBeLessThan(
      publicPage.body.indexOf('International Trade Union Confederation'),
    );

    const removed = await post(t.app, `${page}/${first!.id}/remove`, browser);
    expect(removed.statusCode).toBe(303);
    expect((await get(t.app, removed.headers.location!, browser)).body).toContain('The partner is removed.');
    expect((await get(t.app, `/en/campaigns/${erlan}`)).body).not.toContain(
      'International Trade Union Confederation',
    );
    expect(await auditActions(t.db, 'partner')).toEqual([
      'partner.changed',
      'partner.changed',
      'partner.changed',
      'partner.moved',
      'partner.removed',
    ]);
  });

  it('refuses partners and translators to change anything, and forged posts', async () => {
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, page, translator)).statusCode).toBe(200);
    expect((await get(t.app, page, translator)).body).not.toContain('Add a partner');
    expect((await multipart(page, translator, { name: 'X' })).statusCode).toBe(403);
    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, page, partner)).statusCode).toBe(403);
    expect((await multipart(page, { ...browser, csrf: 'forged' }, { name: 'X' })).statusCode).toBe(403);
    expect(await partners()).toHaveLength(3);
  });
});
