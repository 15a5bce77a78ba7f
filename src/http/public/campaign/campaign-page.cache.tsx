// The blank campaign page is the same for every visitor of one language version except for three parts:
// the form token, the source tag and the live total. Rendering it whole (markdown, ~250 country options,
// the language menus) was most of the cost of a page view, so each (campaign snapshot, language) is
// rendered once with markers in those places and every request splices its own parts in (the total's
// slot carries the momentum line too: countries, changing with commits like the total). The campaign
// cache hands out a new snapshot object when it reloads a campaign, so a snapshot's pages are dropped
// (WeakMap) exactly when the campaign cache would have shown the edit anyway. The page answered last is
// kept too: within one second (one form token) and one total, views get the same bytes, and that page is
// compressed (gzip, Brotli) at most once per encoding: never per request (decision 0018).
// Bounded (decision 0026): one page per campaign × language is up to 53 per campaign, and the URL's language
// tag is anyone's to vary, so pages live in one least-recently-used list under a byte budget (PAGE_CACHE_MB);
// a page whose campaign was reloaded is rebuilt in place, its old bytes released at once.
import { renderToString } from 'preact-render-to-string';
import type { CampaignWithContent } from '../../../domain/campaign/campaign.js';
import { type Momentum, momentumKey } from '../../../domain/campaign/momentum.js';
import type { CampaignView } from '../../../domain/campaign/view-campaign.js';
import type { ResponsiveImage } from '../../../domain/shared/image.ports.js';
import type { Translator } from '../../../i18n/translator.js';
import { Compressed, type Encoding } from '../../compression.js';
import type { SiteInfo } from '../../views/layout.js';
import type { VerificationHead } from '../verify/verification-line.js';
import { CampaignPage, CounterTotal, goalOf } from './campaign-page.js';

type Slot = 'token' | 'source' | 'counter';

// Control characters do not occur in campaign content; a page where a marker is ambiguous anyway (see
// template()) is rendered whole on every request rather than spliced wrongly.
const markers: Record<Slot, string> = {
  token: '\u0001outcry-slot-token\u0001',
  source: '\u0001outcry-slot-source\u0001',
  counter: '\u0001outcry-slot-counter\u0001',
};

interface Template {
  /** Static HTML around the slots, already UTF-8 (encoding 18 KB per answer showed in the profile). */
  parts: Buffer[];
  slots: Slot[];
  /**
   * The counter's HTML for the total and momentum seen last (they change with commits, not with views);
   * `total` is the key of both (totalKey).
   */
  counter?: { total: string; html: Buffer };
  /**
   * The page answered last. With one form token per campaign and second (FormTokenCache), every view in
   * that second with the same source and total gets these very bytes, without splicing or copying.
   */
  last?: { token: string; source: string; total: string; page: Buffer; compressed: Compressed };
  /**
   * Compressions of this page in the current second. Each new `?src=` value makes a new page; past the
   * budget a page goes out uncompressed, so varying the query cannot make compression a per-request cost.
   */
  budget: { second: number; used: number };
}

/** Pages compressed per template and second at most (a new form token each second, a few sources). */
export const compressionsPerSecond = 32;
/** Brotli quality for pages: ~0.5 ms for 19 KB, within a few % of the best (11, ~15 ms). */
const pageQuality = 5;

export interface BlankPageInput {
  tr: Translator;
  view: CampaignView;
  requestedLocale: string;
  action: string;
  /** The country preselected for the visitor's language. */
  country: string;
  token: string;
  source: string;
  /** Where support comes from (countries), shown with the total and cached like it. */
  momentum?: Momentum | undefined;
  /** The photo's size and copies (the same for a snapshot's life, once the image store has them). */
  photo?: ResponsiveImage | null | undefined;
  /** The newest signed tree head (decision 0031): a new head is a new page. */
  head?: VerificationHead | undefined;
  /** False when the browser has the stylesheet cached (critical-css.ts): another page shape. */
  inlineCss?: boolean;
}

/** The total and the momentum line together: the counter slot's content follows from these alone. */
const totalKey = (input: BlankPageInput): string => `${input.view.total}|${momentumKey(input.momentum)}`;

// The renderer's own escaping (preact-render-to-string encodes these three and leaves `>` alone).
const attributeEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
const attributeSlots = new Set<Slot>(['token', 'source']);

/** `="value"`, escaped, or nothing: the renderer writes an empty attribute as a bare name (`value`). */
function attributeValue(value: string): string {
  if (value === '') return '';
  return `="${/[&<"]/.test(value) ? value.replace(/[&<"]/g, (c) => attributeEscapes[c]!) : value}"`;
}

/** What the page looks like with nothing typed yet: the same element tree for the cached and direct paths. */
export function blankCampaignPage(
  site: SiteInfo,
  input: Omit<BlankPageInput, 'token' | 'source'> & { token: string; source: string; counter?: string },
) {
  const { tr, view } = input;
  return (
    <CampaignPage
      tr={tr}
      site={site}
      view={view}
      requestedLocale={input.requestedLocale}
      momentum={input.momentum}
      photo={input.photo}
      treeHead={input.head}
      {...(input.inlineCss === false ? { inlineCss: false } : {})}
      {...(input.counter !== undefined ? { counter: input.counter } : {})}
      form={{
        action: input.action,
        token: input.token,
        source: input.source,
        values: {
          name: '',
          email: '',
          union: '',
          country: input.country,
          message: view.texts.defaultMessage,
          alerts: false,
          anonymous: false,
        },
        errors: {},
      }}
    />
  );
}

/** The default budget: ~35 KB a page with its compressions, so some 1,800 language versions. */
export const defaultPageCacheBytes = 64 * 1024 * 1024;

interface Entry {
  /** The campaign snapshot the page was rendered from; another snapshot of the campaign rebuilds it. */
  snapshot: CampaignWithContent;
  /** Null: a page rendered whole on every request (its content contains a marker). */
  template: Template | null;
  bytes: number;
}

/** What a cached page holds in memory: its static parts, counter, last answer and its compressions. */
function sizeOf(key: string, template: Template | null): number {
  let n = key.length;
  if (!template) return n;
  for (const part of template.parts) n += part.length;
  n += template.counter?.html.length ?? 0;
  n += template.last?.compressed.bytes ?? 0;
  return n;
}

export interface PageCacheMemory {
  entries: number;
  bytes: number;
  maxBytes: number;
  evicted: number;
}

export class CampaignPageCache {
  /** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private evicted = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;
  /** Pages answered from a template and pages rendered whole (tests, profiling). */
  readonly stats = { spliced: 0, whole: 0, compressed: 0 };

  constructor(
    private readonly site: SiteInfo,
    {
      maxBytes = defaultPageCacheBytes,
      now = Date.now,
    }: {
      maxBytes?: number /** The clock the compression budget counts seconds by. */;
      now?: () => number;
    } = {},
  ) {
    this.maxBytes = maxBytes;
    this.now = now;
  }

  /** What the cache holds now, against its budget (bench:page prints it). */
  memory(): PageCacheMemory {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, evicted: this.evicted };
  }

  /** The whole document (with its doctype) in UTF-8, byte for byte what rendering it directly gives. */
  render(input: BlankPageInput): Buffer {
    return this.answer(input, null).body;
  }

  /**
   * The page in the encoding asked for, when it can be had without compressing per request; `encoding`
   * says what the body is in (null: not compressed).
   */
  answer(input: BlankPageInput, wanted: Encoding | null): { body: Buffer; encoding: Encoding | null } {
    const [key, entry] = this.entry(input);
    const template = entry.template;
    if (!template) {
      this.stats.whole++;
      return { body: Buffer.from(renderWhole(this.site, input)), encoding: null };
    }
    try {
      return this.fromTemplate(template, input, wanted);
    } finally {
      // A new last page or compression changed what the entry holds.
      this.account(key, entry);
    }
  }

  private fromTemplate(
    template: Template,
    input: BlankPageInput,
    wanted: Encoding | null,
  ): { body: Buffer; encoding: Encoding | null } {
    this.stats.spliced++;
    let last = template.last;
    const total = totalKey(input);
    if (!last || last.token !== input.token || last.source !== input.source || last.total !== total) {
      const page = this.splice(template, input);
      last = {
        token: input.token,
        source: input.source,
        total,
        page,
        compressed: new Compressed(page, pageQuality),
      };
      template.last = last;
    }
    if (!wanted) return { body: last.page, encoding: null };
    if (!last.compressed.has(wanted)) {
      const second = Math.floor(this.now() / 1000);
      if (template.budget.second !== second) template.budget = { second, used: 0 };
      if (template.budget.used >= compressionsPerSecond) return { body: last.page, encoding: null };
      template.budget.used++;
      this.stats.compressed++;
    }
    return { body: last.compressed.in(wanted), encoding: wanted };
  }

  private splice(template: Template, input: BlankPageInput): Buffer {
    const chunks: Buffer[] = [template.parts[0]!];
    for (const [i, slot] of template.slots.entries()) {
      chunks.push(this.fill(slot, template, input), template.parts[i + 1]!);
    }
    return Buffer.concat(chunks);
  }

  private fill(slot: Slot, template: Template, input: BlankPageInput): Buffer {
    switch (slot) {
      case 'token':
        return Buffer.from(attributeValue(input.token));
      case 'source':
        return Buffer.from(attributeValue(input.source));
      case 'counter': {
        const key = totalKey(input);
        if (template.counter?.total !== key) {
          const goal = goalOf(input.view.campaign);
          template.counter = {
            total: key,
            html: Buffer.from(
              renderToString(
                <CounterTotal
                  tr={input.tr}
                  total={input.view.total}
                  goal={goal}
                  closed={input.view.campaign.status === 'closed'}
                  momentum={input.momentum}
                />,
              ),
            ),
          };
        }
        return template.counter.html;
      }
    }
  }

  /** The entry for this page, built on first use and moved to the recently used end. */
  private entry(input: BlankPageInput): [string, Entry] {
    const snapshot = input.view.campaign;
    // Everything else on the page follows from the snapshot and these (texts and fallback from the locale).
    // A closed campaign with no total shows no counter at all (campaign-page.tsx): another page shape.
    const noCounter = snapshot.status === 'closed' && input.view.total === 0;
    const key = `${snapshot.id}\u0000${input.tr.locale}\u0000${input.tr.revision}\u0000${input.requestedLocale}\u0000${input.action}\u0000${input.country}\u0000${noCounter}\u0000${input.photo ? 'sized' : ''}\u0000${input.inlineCss !== false}\u0000${input.head?.size ?? ''}`;
    const found = this.entries.get(key);
    this.entries.delete(key);
    if (found && found.snapshot === snapshot) {
      this.entries.set(key, found);
      return [key, found];
    }
    // The campaign was reloaded (an edit, a new total shape): the old page goes now, not when evicted.
    if (found) this.bytes -= found.bytes;
    let template = build(this.site, input);
    // Proof on the first request: the spliced page must equal the page rendered directly, or the
    // markers were ambiguous (content that contains one) and this page is always rendered whole.
    const direct = Buffer.from(renderWhole(this.site, input));
    if (template && !this.splice(template, input).equals(direct)) template = null;
    const entry: Entry = { snapshot, template, bytes: 0 };
    this.entries.set(key, entry);
    this.account(key, entry);
    return [key, entry];
  }

  /** Records an entry's size, then drops the least recently used until the cache fits its budget again. */
  private account(key: string, entry: Entry): void {
    const bytes = sizeOf(key, entry.template);
    this.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    // The page being answered is the most recently used and stays, even alone over the budget.
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= e.bytes;
      this.evicted++;
    }
  }
}

const renderWhole = (site: SiteInfo, input: BlankPageInput & { counter?: string }): string =>
  `<!doctype html>${renderToString(blankCampaignPage(site, input))}`;

function build(site: SiteInfo, input: BlankPageInput): Template | null {
  const html = renderWhole(site, {
    ...input,
    token: markers.token,
    source: markers.source,
    counter: markers.counter,
  });
  const found: { slot: Slot; at: number }[] = [];
  for (const slot of Object.keys(markers) as Slot[]) {
    const at = html.indexOf(markers[slot]);
    if (at < 0) continue; // a closed campaign has no form: no token there
    if (html.includes(markers[slot], at + 1)) return null;
    found.push({ slot, at });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let from = 0;
  for (const { slot, at } of found) {
    // An attribute slot takes its `="` and `"` along, so that an empty value can drop them.
    const quoted = attributeSlots.has(slot);
    if (quoted && (html.slice(at - 2, at) !== '="' || html[at + markers[slot].length] !== '"')) return null;
    parts.push(Buffer.from(html.slice(from, quoted ? at - 2 : at)));
    from = at + markers[slot].length + (quoted ? 1 : 0);
  }
  parts.push(Buffer.from(html.slice(from)));
  return { parts, slots: found.map((f) => f.slot), budget: { second: 0, used: 0 } };
}
