// Where signatures came from, read from the `?src=` tag their link carried (kept with each signature):
// mailings tag their links `mailing-<id>-<locale>` (mailing.ts), the share links on the thank-you and
// campaign pages `share`, partners are given links tagged `partner…`. Anything else an editor made up is
// "other"; no tag at all is "direct" (typed, bookmarked, or a link without a tag).
export const sourceKinds = ['mailing', 'partner', 'social', 'direct', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

const social = new Set([
  'share',
  'social',
  'facebook',
  'fb',
  'twitter',
  'x',
  'bluesky',
  'mastodon',
  'whatsapp',
  'telegram',
  'signal',
  'instagram',
  'tiktok',
  'linkedin',
  'vk',
]);

export function sourceKind(tag: string): SourceKind {
  const t = tag.trim().toLowerCase();
  if (t === '') return 'direct';
  if (t.startsWith('mailing')) return 'mailing';
  if (t.startsWith('partner')) return 'partner';
  // "share", "share-fb", "whatsapp-2"…: the first word names the network.
  const head = t.split(/[-_.:]/, 1)[0] ?? '';
  return social.has(t) || social.has(head) ? 'social' : 'other';
}
