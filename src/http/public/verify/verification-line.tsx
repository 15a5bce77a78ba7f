// The campaign page's one "Verification" line (decision 0031): how many signatures the newest signed tree
// head covers, when it was signed, its root (shortened, the whole in the title and the JSON), and links to
// the heads as JSON and to the page that checks an export. For the campaign page to place; it renders
// nothing before the first head exists.
import type { Translator } from '../../../i18n/translator.js';

export interface VerificationHead {
  size: number;
  rootHex: string;
  timestamp: number;
}

export function VerificationLine(props: {
  tr: Translator;
  slug: string;
  head: VerificationHead | undefined;
}) {
  const { tr, slug, head } = props;
  if (!head) return null;
  return (
    <p class="verification">
      {tr.t('verification.line', {
        count: head.size,
        date: tr.date(head.timestamp),
      })}{' '}
      <a href={`/api/campaigns/${slug}/signature-log`} title={head.rootHex}>
        <bdi dir="ltr">
          <code>{head.rootHex.slice(0, 16)}…</code>
        </bdi>
      </a>{' '}
      <a href={`/${tr.locale}/verify`}>{tr.t('verification.check')}</a>
    </p>
  );
}
