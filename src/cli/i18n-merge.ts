// `npm run i18n:merge <folder> "<who drafted>"`: checks drafted `<locale>.json` files (from i18n:todo or a
// translator) and merges the valid strings into the catalogs, marked drafted by that person, not reviewed.
import { mergeFolder } from '../i18n/drafting.js';

const [folder, drafter] = process.argv.slice(2);
if (!folder || !drafter?.trim()) {
  console.error('usage: npm run i18n:merge <folder> "<who drafted>"');
  process.exit(2);
}
let refused = 0;
for (const r of mergeFolder(folder, drafter.trim())) {
  console.log(`${r.locale}: ${r.merged} merged, ${r.unchanged} unchanged, ${r.refused.length} refused`);
  for (const x of r.refused) console.log(`  ${x.key}: ${x.problem}`);
  refused += r.refused.length;
}
console.log('i18n: now run npm run i18n:check: it must pass before the catalogs are committed');
process.exitCode = refused === 0 ? 0 : 1;
