// One supporter mailing in one language, as the mail each recipient gets: responsive HTML (MJML: tables and
// inlined CSS that Outlook, Gmail and phone clients render) and a plain-text part (the Markdown read out as
// text: markdown-text.ts), the preheader hidden,
// the body Markdown sanitised like campaign texts, the other live campaigns, and a footer saying which
// list the person is on with their preferences and one-click unsubscribe links.
// MJML is slow (milliseconds a page) and a mailing goes to 100,000 people, so a version is compiled once
// per (mailing, language) with unguessable markers where the per-recipient parts go (the name, the list
// token in the links); `render` only joins the precompiled pieces around them. MJML runs on a thread that
// ends when idle (mjml-thread.ts), so no process keeps its weight loaded.
import { randomBytes } from 'node:crypto';
import { siteBase } from '../../domain/shared/site-url.js';
import { renderMarkdown } from '../../http/views/markdown.js';
import { directionOf } from '../../i18n/locales.js';
import { isolate, type Translator, translatorFor } from '../../i18n/translator.js';
import { listLinks } from '../../security/list-token.js';
import { EncodedPartTemplate } from '../encoded-part.js';
import type { EncodedParts } from '../transport.js';
import type { MailText } from './mail-text.js';
import { markdownToText } from './markdown-text.js';
import { compileMjml, endMjmlThread } from './mjml-thread.js';

/** Hands MJML's memory back once a mailing's versions are compiled (mjml-thread.ts). */
export const endMailingCompiler = endMjmlThread;

export interface MailingCampaignLink {
  /** The campaign's headline in the recipient's language (or the fallback the caller chose). */
  headline: string;
  /** Its page; `?src=mailing-<id>-<lang>` is added here. */
  url: string;
}

export interface MailingVersionInput {
  mailingId: number;
  /** The recipient's language: their list, the footer, the links, the `src` tag. */
  locale: string;
  /** The language the texts below are in: `locale`, or the source language when theirs is missing. */
  textLocale: string;
  subject: string;
  preheader: string;
  /** Markdown written by editors and translators: untrusted. */
  bodyMd: string;
  /** The other live campaigns, in the recipient's language. */
  otherCampaigns: readonly MailingCampaignLink[];
  site: { name: string; baseUrl: string };
}

export interface MailingRecipientParts {
  /** The supporter's name as they typed it; may be empty. */
  name: string;
  /** Their list token (security/list-token.ts): it goes into the preferences and unsubscribe links. */
  token: string;
}

export interface RenderedMailing extends MailText {
  html: string;
}

export interface CompiledMailing {
  readonly mailingId: number;
  readonly locale: string;
  /** The language of the texts (`locale`, or the source's when the recipient's is missing). */
  readonly textLocale: string;
  /** The `src` value every link into a campaign page carries (`mailing-<id>-<lang>`). */
  readonly src: string;
  /** The mail of one recipient: string joins only, no parsing. */
  render(recipient: MailingRecipientParts): RenderedMailing;
  /**
   * The same mail's text and HTML parts, MIME-encoded: the pieces around the name and token were encoded
   * once with the version, so a recipient costs the encoding of their own values (encoded-part.ts).
   */
  encode(recipient: MailingRecipientParts): EncodedParts;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Adds `src=<src>` to every link into a campaign page of this site (`<base>/<lang>/campaigns/<slug>`), in
 * HTML (`&amp;` between parameters) or in plain text. Other links are left as written.
 */
export function tagCampaignLinks(text: string, baseUrl: string, src: string, html: boolean): string {
  const prefix = `${siteBase(baseUrl)}/`;
  const amp = html ? '&amp;' : '&';
  return text.replace(urlLike, (url) => {
    const path = url.startsWith(prefix) ? campaignPath.exec(url.slice(prefix.length)) : null;
    if (!path) return url;
    const queryAt = prefix.length + path[0].length;
    const hashAt = url.indexOf('#', queryAt);
    const stop = hashAt === -1 ? url.length : hashAt;
    const query = url.slice(queryAt, stop);
    const joint = query === '' ? '?' : query === '?' ? '' : amp;
    return `${url.slice(0, stop)}${joint}src=${src}${url.slice(stop)}`;
  });
}

/** Anything that looks like an absolute web address in Markdown, HTML or text (linear: one class). */
const urlLike = /https?:\/\/[^\s"'<>()]+/g;
/** After the site's base: an optional language, then a campaign page (its query and fragment follow). */
const campaignPath = /^(?:[A-Za-z0-9-]{2,20}\/)?campaigns\/[^\s"'<>()?#]+/;

function campaignLink(url: string, src: string): string {
  const u = new URL(url);
  u.searchParams.set('src', src);
  return u.toString();
}

/** The greeting around the name, split once so each recipient costs two string joins. */
function greetingParts(tr: Translator): { before: string; after: string; anonymous: string } {
  const hole = '\u0000';
  const [before = '', after = ''] = tr.t('mail.mailing.greeting', { name: hole }).split(hole);
  return { before, after, anonymous: tr.t('mail.mailing.greetingNoName') };
}

interface Template {
  /** Literal pieces; between each two, the value named in `holes`. */
  pieces: string[];
  holes: Array<'name' | 'token'>;
}

function splitTemplate(compiled: string, markers: { name: string; token: string }): Template {
  const pieces: string[] = [];
  const holes: Array<'name' | 'token'> = [];
  let from = 0;
  for (;;) {
    const name = compiled.indexOf(markers.name, from);
    const token = compiled.indexOf(markers.token, from);
    if (name === -1 && token === -1) break;
    const isName = token === -1 || (name !== -1 && name < token);
    const at = isName ? name : token;
    pieces.push(compiled.slice(from, at));
    holes.push(isName ? 'name' : 'token');
    from = at + (isName ? markers.name : markers.token).length;
  }
  pieces.push(compiled.slice(from));
  return { pieces, holes };
}

function fill(t: Template, values: { name: string; token: string }): string {
  let out = t.pieces[0]!;
  for (let i = 0; i < t.holes.length; i++) out += values[t.holes[i]!] + t.pieces[i + 1]!;
  return out;
}

/** The values of a template's holes, in order. */
const holeValues = (t: Template, values: { name: string; token: string }): string[] =>
  t.holes.map((h) => values[h]);

const font = 'Helvetica, Arial, sans-serif';

/** Compiles one language version of a mailing (MJML once), ready to render for each of its recipients. */
export async function compileMailing(
  input: MailingVersionInput,
  tr: Translator = translatorFor(input.locale),
): Promise<CompiledMailing> {
  const src = `mailing-${input.mailingId}-${input.locale}`;
  const nonce = randomBytes(9).toString('hex');
  const markers = { name: `N${nonce}N`, token: `T${nonce}T` };
  const links = listLinks(input.site.baseUrl, input.locale, markers.token);
  // The greeting and footer are in the translator's language (English for a list without an interface
  // catalog); the body in the language of the texts.
  const dir = tr.dir;
  const textDir = directionOf(input.textLocale);
  const align = (d: 'ltr' | 'rtl') => (d === 'rtl' ? 'right' : 'left');
  const greeting = greetingParts(tr);
  const language = tr.languageName(input.locale);
  const why = tr.t('mail.mailing.why', { language, siteName: input.site.name });
  const note =
    input.textLocale === input.locale
      ? null
      : tr.t('mail.mailing.fallbackNote', { language, original: tr.languageName(input.textLocale) });
  const others = input.otherCampaigns.map((c) => ({ headline: c.headline, url: campaignLink(c.url, src) }));
  const bodyHtml = tagCampaignLinks(renderMarkdown(input.bodyMd), input.site.baseUrl, src, true);
  const bodyText = tagCampaignLinks(markdownToText(input.bodyMd), input.site.baseUrl, src, false);

  const section = (d: 'ltr' | 'rtl', content: string, extra = '') =>
    `<mj-section direction="${d}"${extra}><mj-column><mj-text align="${align(d)}" css-class="${d}">${content}</mj-text></mj-column></mj-section>`;
  const othersHtml =
    others.length === 0
      ? ''
      : section(
          dir,
          `<h3>${escapeHtml(tr.t('mail.mailing.otherCampaigns'))}</h3><ul>${others
            .map((c) => `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.headline)}</a></li>`)
            .join('')}</ul>`,
        );
  const mj = `<mjml lang="${escapeHtml(input.locale)}" dir="${dir}">
<mj-head>
<mj-title>${escapeHtml(input.subject)}</mj-title>
<mj-preview>${escapeHtml(input.preheader)}</mj-preview>
<mj-attributes><mj-all font-family="${font}" /><mj-text font-size="16px" line-height="1.5" color="#1f2328" /></mj-attributes>
<mj-style>.rtl div { direction: rtl; } .ltr div { direction: ltr; } a { color: #b3261e; }</mj-style>
</mj-head>
<mj-body background-color="#f4f4f4">
${note ? section(dir, `<p><em>${escapeHtml(note)}</em></p>`) : ''}
${section(dir, `<p>${markers.name}</p>`, ' background-color="#ffffff"')}
${section(textDir, `<div dir="${textDir}" lang="${escapeHtml(input.textLocale)}">${bodyHtml}</div>`, ' background-color="#ffffff"')}
${othersHtml}
${section(
  dir,
  `<p style="font-size:13px;color:#57606a">${escapeHtml(why)}<br /><a href="${links.preferences}">${escapeHtml(
    tr.t('mail.mailing.preferences'),
  )}</a> · <a href="${links.unsubscribe}">${escapeHtml(tr.t('mail.mailing.unsubscribe'))}</a></p>`,
)}
</mj-body>
</mjml>`;
  const compiled = await compileMjml(mj);
  if (compiled.errors.length > 0) {
    throw new Error(`mailing ${input.mailingId} (${input.locale}) did not compile: ${compiled.errors[0]}`);
  }
  const html = splitTemplate(compiled.html, markers);

  const textLines = [
    ...(note ? [note, ''] : []),
    markers.name,
    '',
    bodyText,
    '',
    ...(others.length > 0
      ? [tr.t('mail.mailing.otherCampaigns'), ...others.map((c) => `- ${c.headline}\n  ${c.url}`), '']
      : []),
    '-- ',
    why,
    `${tr.t('mail.mailing.preferences')}: ${links.preferences}`,
    `${tr.t('mail.mailing.unsubscribe')}: ${links.unsubscribe}`,
  ];
  const text = splitTemplate(textLines.join('\n'), markers);

  const htmlPart = new EncodedPartTemplate('text/html', html.pieces);
  const textPart = new EncodedPartTemplate('text/plain', text.pieces);
  /** The greeting line with the recipient's name, as plain text. */
  const greet = (name: string, token: string): string => {
    // Inserted into HTML and URLs as it is: only the characters a list token has.
    if (!/^[0-9A-Za-z._-]{1,64}$/.test(token)) throw new Error('not a list token');
    const trimmed = name.trim();
    // The name is the supporter's own text: escaped for HTML, and isolated so an RTL override or a
    // Latin name in an Arabic sentence cannot reorder the words around it.
    return trimmed === '' ? greeting.anonymous : greeting.before + isolate(trimmed) + greeting.after;
  };
  return {
    mailingId: input.mailingId,
    locale: input.locale,
    textLocale: input.textLocale,
    src,
    render({ name, token }) {
      const plain = greet(name, token);
      return {
        subject: input.subject,
        html: fill(html, { name: escapeHtml(plain), token }),
        text: fill(text, { name: plain, token }),
      };
    },
    encode({ name, token }) {
      const plain = greet(name, token);
      return {
        text: textPart.fill(holeValues(text, { name: plain, token })),
        html: htmlPart.fill(holeValues(html, { name: escapeHtml(plain), token })),
      };
    },
  };
}
