import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLocale } from './locale.js';

const app = Fastify();
beforeAll(async () => {
  await app.register(cookie);
  registerLocale(app, 'en');
  const answer = (req: { tr: { locale: string; dir: string }; contentLocale: string }) => ({
    ui: req.tr.locale,
    dir: req.tr.dir,
    content: req.contentLocale,
  });
  app.get('/', async (req) => answer(req));
  app.get('/:locale/page', async (req) => answer(req));
  await app.ready();
});
afterAll(() => app.close());

const ask = async (headers: Record<string, string>, url = '/') => (await app.inject({ url, headers })).json();

describe('locale negotiation', () => {
  it.each([
    ['fa-IR,fa;q=0.9,en;q=0.5', 'fa', 'rtl'],
    ['zh-TW,zh;q=0.9', 'zh-Hant', 'ltr'],
    ['zh-CN', 'zh-Hans', 'ltr'],
    ['pt-BR,pt;q=0.9', 'pt', 'ltr'],
    ['fil-PH, en;q=0.2', 'tl', 'ltr'],
    ['xx-YY, ar;q=0.3, en;q=0.1', 'ar', 'rtl'],
    ['de;q=0.2, ja;q=0.8', 'ja', 'ltr'],
    ['*', 'en', 'ltr'],
    ['xx', 'en', 'ltr'],
  ])('picks a served language for Accept-Language %j', async (header, ui, dir) => {
    expect(await ask({ 'accept-language': header })).toEqual({ ui, dir, content: ui });
  });

  it('prefers the URL, then the cookie, over the header', async () => {
    expect(await ask({ 'accept-language': 'fr' }, '/ru/page')).toMatchObject({ ui: 'ru', content: 'ru' });
    expect(await ask({ 'accept-language': 'fr', cookie: 'lang=tr' })).toMatchObject({ ui: 'tr' });
  });

  it('serves content in a language without an interface catalog, with the English interface', async () => {
    expect(await ask({}, '/qu-PE/page')).toEqual({ ui: 'en', dir: 'ltr', content: 'qu-PE' });
  });

  it('considers only the first 20 languages of a huge header', async () => {
    const header = [
      ...Array.from({ length: 500 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}`),
      'fr',
    ].join(',');
    expect(await ask({ 'accept-language': header })).toMatchObject({ ui: 'en' });
  });
});
