// Partner report links in route tests: the campaign's first partner, and a link an editor makes for it,
// read from the page that shows it once.
import type { Browser } from './editor-helpers.js';
import { post } from './editor-helpers.js';
import { erlan } from './sign-helpers.js';
import type { TestApp } from './test-app.js';

/** The id of the campaign's first partner (by position). */
export async function firstPartnerId(t: TestApp, campaignId: number): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('partners')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Makes a report link as `editor` (201 and the link shown, or it throws) and returns its path. */
export async function makeReportLink(
  t: TestApp,
  editor: Browser,
  partnerId: number,
  { days = '30', slug = erlan } = {},
): Promise<string> {
  const res = await post(t.app, `/editor/campaigns/${slug}/report-links`, editor, {
    partnerId: String(partnerId),
    days,
  });
  const url = /value="(https?:\/\/[^"]+\/partner-report\/[A-Za-z0-9_-]+)"/.exec(res.body)?.[1];
  if (res.statusCode !== 201 || !url) throw new Error(`no report link made (${res.statusCode})`);
  return new URL(url).pathname;
}
