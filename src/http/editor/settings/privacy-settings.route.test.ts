// Admins set retention in the browser; the public privacy page shows the stored value at once; editors
// may not change it; a value out of range comes back with a translated error.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, post, signedIn } from '../../../../test/editor-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('retention settings page on %s', (dialect) => {
  let t: TestApp;
  appPerTest(dialect, (app) => ({ t } = app));

  it('lets an admin change the months, shown on the privacy page in every language', async () => {
    const admin = await signedIn(t, 'admin');
    expect((await t.app.inject({ url: '/en/privacy' })).body).toContain(
      '24 months after its campaign closes',
    );
    const page = await get(t.app, '/editor/settings/privacy', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="24"');

    const bad = await post(t.app, '/editor/settings/privacy', admin, {
      signerMonths: '0',
      auditMonths: 'x',
      deliveryMonths: '12',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body.match(/Enter a whole number of months/g)).toHaveLength(2);
    expect(bad.body).toContain('value="x"');

    const saved = await post(t.app, '/editor/settings/privacy', admin, {
      signerMonths: '12',
      auditMonths: '36',
      deliveryMonths: '6',
    });
    expect(saved.headers.location).toBe('/editor/settings/privacy?done=saved');
    expect((await t.app.inject({ url: '/en/privacy' })).body).toContain(
      '12 months after its campaign closes',
    );
    expect((await t.app.inject({ url: '/tl/privacy' })).body).toContain('12 buwan');
    expect(await t.services.privacy.retention.get()).toEqual({
      signerMonths: 12,
      auditMonths: 36,
      deliveryMonths: 6,
    });
  });

  it('is for admins only', async () => {
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/settings/privacy', editor)).statusCode).toBe(403);
    const refused = await post(t.app, '/editor/settings/privacy', editor, {
      signerMonths: '1',
      auditMonths: '1',
      deliveryMonths: '1',
    });
    expect(refused.statusCode).toBe(403);
    expect(await t.services.privacy.retention.get()).toEqual({
      signerMonths: 24,
      auditMonths: 24,
      deliveryMonths: 12,
    });
  });
});
