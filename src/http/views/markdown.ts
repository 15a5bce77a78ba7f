// Campaign texts are Markdown written by editors and volunteer translators: untrusted. They are rendered
// with marked and then cut down to a small allow-list (no scripts, no inline styles, safe link schemes).
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });
// Raw HTML in the source is shown as text, never interpreted: translators write Markdown, not markup.
marked.use({
  renderer: { html: ({ text }) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') },
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h2',
    'h3',
    'h4',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    h1: 'h2',
  },
};
allowed.allowedAttributes = { a: ['href', 'title', 'rel'] };

const cache = new Map<string, string>();

export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(marked.parse(source) as string, allowed);
  if (cache.size > 500) cache.clear();
  cache.set(source, html);
  return html;
}
