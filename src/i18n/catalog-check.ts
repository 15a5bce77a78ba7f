// Checks interface catalogs against the English source: every key present, every message parses as ICU,
// the same placeholders used, plurals closed with `other`. Run by `npm run i18n:check` and by the tests.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Catalog } from './translator.js';

export interface CatalogProblem {
  locale: string;
  key: string;
  problem: string;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    ) {
      into.add(el.value);
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    } else if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
    }
  }
  return into;
}

function pluralsWithoutOther(elements: MessageFormatElement[]): boolean {
  return elements.some(
    (el) =>
      ((el.type === TYPE.plural || el.type === TYPE.select) && !('other' in el.options)) ||
      ((el.type === TYPE.plural || el.type === TYPE.select) &&
        Object.values(el.options).some((o) => pluralsWithoutOther(o.value))),
  );
}

function parsed(message: string): MessageFormatElement[] | string {
  try {
    return parse(message);
  } catch (error) {
    return (error as Error).message;
  }
}

export function checkCatalogs(catalogs: Map<string, Catalog>, source = 'en'): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const en = catalogs.get(source);
  if (!en) return [{ locale: source, key: '*', problem: 'source catalog missing' }];
  for (const [locale, catalog] of catalogs) {
    for (const [key, entry] of Object.entries(en)) {
      const sourceAst = parsed(entry.message);
      if (typeof sourceAst === 'string') {
        if (locale === source) problems.push({ locale, key, problem: `invalid ICU: ${sourceAst}` });
        continue;
      }
      if (locale === source && !entry.description)
        problems.push({ locale, key, problem: 'no translator note' });
      const theirs = catalog[key];
      if (!theirs || typeof theirs.message !== 'string') {
        problems.push({ locale, key, problem: 'missing' });
        continue;
      }
      const ast = parsed(theirs.message);
      if (typeof ast === 'string') {
        problems.push({ locale, key, problem: `invalid ICU: ${ast}` });
        continue;
      }
      const want = [...argumentsOf(sourceAst)].sort().join(', ');
      const got = [...argumentsOf(ast)].sort().join(', ');
      if (want !== got)
        problems.push({ locale, key, problem: `placeholders {${got}} differ from {${want}}` });
      if (pluralsWithoutOther(ast)) problems.push({ locale, key, problem: 'plural/select without other' });
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in en)) problems.push({ locale, key, problem: 'not in the source catalog' });
    }
  }
  return problems;
}
