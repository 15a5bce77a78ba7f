// The live preview beside a Markdown field (a campaign's background and updates, a translated text): the
// editors' script posts the text and shows the fragment of HTML it gets back. One handler for every such
// field, so a preview is always rendered and sanitised by the public page's renderer.
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import { normaliseText } from '../../domain/signature/text.js';
import { readForm } from '../read-form.js';
import { field } from '../schema-fields.js';
import type { SiteInfo } from '../views/layout.js';
import { renderMarkdown } from '../views/markdown.js';

const markdownForm = z.object({ markdown: field(200_000) });

/** POST `url` (with the route's permission and body limit in `options`) answers the text as HTML. */
export function markdownPreviewRoute(
  app: FastifyInstance,
  url: string,
  options: RouteShorthandOptions,
  deps: { site: SiteInfo },
): void {
  app.post(url, options, async (req, reply) => {
    const form = readForm(req, reply, deps, markdownForm);
    if (!form) return reply;
    const text = normaliseText(form.markdown, { max: 100_000 });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(text.ok ? renderMarkdown(text.value) : '');
  });
}
