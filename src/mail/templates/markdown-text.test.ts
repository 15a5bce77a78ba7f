// The plain-text part of Markdown mail: what a person reads in a client that shows no HTML. No markup
// characters survive, links keep their address, lists and quotes keep their shape, hostile input stays text.
import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-text.js';

describe('markdownToText', () => {
  it('drops emphasis and heading markers and keeps paragraphs apart', () => {
    expect(markdownToText('# Erlan is *free*\n\nHe walked out **today**, ~~at last~~ `now`.')).toBe(
      'Erlan is free\n\nHe walked out today, at last now.',
    );
  });

  it('writes a link as its words and its address, an address written as itself once', () => {
    expect(
      markdownToText(
        'Read [the story](https://x.example/a?b=1&c=2), <https://y.example/> or [mail us](mailto:help@x.example).',
      ),
    ).toBe('Read the story (https://x.example/a?b=1&c=2), https://y.example/ or mail us (help@x.example).');
    expect(markdownToText('[https://x.example/](https://x.example/)')).toBe('https://x.example/');
  });

  it('keeps lists, numbering, nesting, quotes and line breaks', () => {
    expect(markdownToText('- one\n- **two**\n  1. nested\n  2. more\n\n3. three\n4. four')).toBe(
      '- one\n- two\n  1. nested\n  2. more\n\n3. three\n4. four',
    );
    expect(markdownToText('> We *will* win.\n>\n> The drivers')).toBe('> We will win.\n>\n> The drivers');
    expect(markdownToText('line one  \nline two\n\n---\n\nafter')).toBe(
      'line one\nline two\n\n----\n\nafter',
    );
  });

  it('leaves raw HTML, template syntax and unsafe links as inert text', () => {
    const text = markdownToText(
      '<script>alert(1)</script>\n\n[x](javascript:alert(1)) {{name}} $' + '{name} 3 \\* 4',
    );
    expect(text).toBe('<script>alert(1)</script>\n\nx {{name}} $' + '{name} 3 * 4');
  });

  it('reads right-to-left text unchanged', () => {
    expect(markdownToText('خرج إرلان من السجن **اليوم**.')).toBe('خرج إرلان من السجن اليوم.');
  });
});
