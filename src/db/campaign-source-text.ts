// Campaigns (`c`) beside their text in their source language (`t`): the start of every query that lists or
// picks campaigns by their headline, so the join that says which text is "the campaign's" is written once.
import type { DbHandle } from './schema.js';

export function campaignsWithSourceText(db: DbHandle) {
  return db
    .selectFrom('campaigns as c')
    .leftJoin('campaign_translations as t', (join) =>
      join.onRef('t.campaign_id', '=', 'c.id').onRef('t.locale', '=', 'c.source_locale'),
    );
}
