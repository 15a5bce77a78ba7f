// `npm run i18n:todo [folder]`: writes, per language, the strings it lacks or whose English changed, with the
// English and the note for translators, for a drafter to fill in (then `npm run i18n:merge <folder>`).

import { writeTodo } from '../i18n/drafting.js';
import { plannedLocales } from '../i18n/locales.js';

const folder = process.argv[2] ?? 'i18n-todo';
// Every planned language, served or not yet: a language whose catalog is still missing gets all its strings.
const written = writeTodo(
  folder,
  plannedLocales.map((l) => l.code),
);
for (const w of written) console.log(`${folder}/${w.locale}.json: ${w.keys} string(s) to draft`);
console.log(
  written.length === 0
    ? 'i18n: nothing to draft'
    : `i18n: fill in "message" in each file, then run: npm run i18n:merge ${folder} "<who drafted>"`,
);
