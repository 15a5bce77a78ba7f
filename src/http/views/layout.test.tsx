import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { nativeName, uiLocales } from '../../i18n/locales.js';
import { translatorFor } from '../../i18n/translator.js';
import { Layout } from './layout.js';

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
const page = (locale: string) =>
  render(
    <Layout tr={translatorFor(locale)} site={site} title="T" path="/campaigns/x">
      <p>body</p>
    </Layout>,
  );

describe('public layout language switcher', () => {
  it('lists every served language in its own name, script direction and link, behind one disclosure', () => {
    const html = page('fa');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html.match(/<details class="lang-switcher">/g)).toHaveLength(1);
    for (const l of uiLocales) {
      expect(html).toContain(
        `<a href="/${l.code}/campaigns/x" lang="${l.code}" dir="${l.dir}" hreflang="${l.code}"${l.code === 'fa' ? ' aria-current="true"' : ''}>${nativeName(l.code)}</a>`,
      );
    }
    // The closed disclosure names the current language, in it, for sighted and screen-reader users alike.
    expect(html).toMatch(
      /<summary>.*<span class="visually-hidden">[^<]+: <\/span><span lang="fa" dir="rtl">فارسی<\/span><\/summary>/,
    );
  });

  it('marks only the current language', () => {
    const html = page('en');
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(html).toContain('lang="en" dir="ltr" hreflang="en" aria-current="true">English</a>');
  });
});
