// `npm run i18n:status`: a table of every served language: supporter and editor strings complete and
// reviewed by a volunteer against today's English.
import { uiLocales } from '../i18n/locales.js';
import { loadReview } from '../i18n/review.js';
import { statusTable } from '../i18n/status.js';
import { loadCatalogs } from '../i18n/translator.js';

const catalogs = loadCatalogs();
const reviews = new Map(uiLocales.map((l) => [l.code, loadReview(l.code)]));
console.log(statusTable(catalogs, reviews));
