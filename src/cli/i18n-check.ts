// `npm run i18n:check`: prints every catalog and review-record problem and exits non-zero if there is one.
import { checkCatalogs } from '../i18n/catalog-check.js';
import { checkReviews, loadReview } from '../i18n/review.js';
import { loadCatalogs } from '../i18n/translator.js';

const catalogs = loadCatalogs();
const reviews = new Map([...catalogs.keys()].map((locale) => [locale, loadReview(locale)]));
const problems = [...checkCatalogs(catalogs), ...checkReviews(catalogs, reviews)];
for (const p of problems) console.error(`${p.locale}: ${p.key}: ${p.problem}`);
console.log(
  problems.length === 0
    ? `i18n: ${catalogs.size} catalogs complete (${[...catalogs.keys()].join(', ')})`
    : `i18n: ${problems.length} problem(s)`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
