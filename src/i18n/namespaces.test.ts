import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../config/paths.js';
import { editorLocales } from './locales.js';
import { keysFor, namespaceOf, namespacesFor } from './namespaces.js';
import { loadCatalogs } from './translator.js';

const en = loadCatalogs().get('en')!;

/** What a supporter can see: public pages, the public layout, the mails a supporter or a target receives. */
const supporterFiles = [
  'src/http/public',
  'src/http/views/layout.tsx',
  'src/http/views/campaign-list.tsx',
  'src/http/views/form-fields.tsx',
  'src/http/views/error-page.tsx',
  'src/mail/templates/signature.email.ts',
  'src/mail/templates/list.email.ts',
  'src/mail/templates/my-data.email.ts',
  'src/mail/templates/target-letter.email.ts',
  'src/mail/templates/target-digest.email.ts',
  'src/mail/templates/campaign-request.email.ts',
  'src/mail/templates/mailing.email.ts',
  'src/mail/templates/mail-text.ts',
];

function sources(path: string): string[] {
  const full = `${projectRoot}${path}`;
  if (statSync(full).isDirectory()) return readdirSync(full).flatMap((f) => sources(`${path}/${f}`));
  return /\.tsx?$/.test(path) && !path.includes('.test.') ? [path] : [];
}

describe('interface namespaces', () => {
  it('put every key a supporter-facing file names in the supporter namespace', () => {
    const outside: string[] = [];
    let seen = 0;
    for (const file of supporterFiles.flatMap(sources)) {
      const text = readFileSync(`${projectRoot}${file}`, 'utf8');
      // Any quoted string that is a catalog key, and the fixed start of keys built at run time (`form.error.${x}`).
      for (const [, literal] of text.matchAll(/['"`]([a-zA-Z][\w.]{0,100})['"`]/g)) {
        if (!(literal! in en)) continue;
        seen++;
        if (namespaceOf(literal!) !== 'supporter') outside.push(`${file}: ${literal}`);
      }
      for (const [, prefix] of text.matchAll(/`([a-zA-Z][\w.]{0,100}\.)\$\{/g)) {
        if (!Object.keys(en).some((k) => k.startsWith(prefix!))) continue;
        seen++;
        if (namespaceOf(prefix!) !== 'supporter') outside.push(`${file}: ${prefix}…`);
      }
    }
    expect(seen).toBeGreaterThan(300);
    expect(outside).toEqual([]);
  });

  it.each(['campaign.closed', 'petitionPrint.title', 'mail.signature.subject'])(
    'split keys by their first segment: %s is a supporter key',
    (key) => {
      expect(namespaceOf(key)).toBe('supporter');
    },
  );

  it.each(['petitionEditor.title', 'campaignEdit.title'])(
    'split keys by their first segment: %s is an editor key',
    (key) => {
      expect(namespaceOf(key)).toBe('editor');
    },
  );

  it('ask the editor languages for every key and the others for supporter keys only', () => {
    expect(namespacesFor('en')).toEqual(['supporter', 'editor']);
    for (const code of editorLocales) expect(namespacesFor(code)).toContain('editor');
    expect(namespacesFor('sw')).toEqual(['supporter']);
    const all = Object.keys(en);
    expect(keysFor('ar', all)).toEqual(all);
    const supporterOnly = keysFor('sw', all);
    expect(supporterOnly.length).toBeGreaterThan(300);
    expect(supporterOnly.length).toBeLessThan(all.length);
    expect(supporterOnly.every((k) => namespaceOf(k) === 'supporter')).toBe(true);
  });
});
