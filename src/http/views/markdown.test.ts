import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps formatting and links', () => {
    expect(renderMarkdown('**Free** [Erlan](https://example.org/)')).toBe(
      '<p><strong>Free</strong> <a href="https://example.org/" rel="noopener noreferrer nofollow">Erlan</a></p>\n',
    );
  });

  it('removes scripts, event handlers, javascript: links and inline styles', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) <p style="color:red" onclick="x()">hi</p>',
    );
    expect(html).not.toMatch(/<script|<img|<p [^>]*(style|onclick)|<a [^>]*javascript:/i);
    expect(renderMarkdown('[x](javascript:alert(1)) and [y](https://example.org)')).not.toContain(
      'javascript:',
    );
    // Raw HTML is shown as text, not dropped silently: the translator sees what they typed.
    expect(html).toContain('&lt;script&gt;');
  });
});
