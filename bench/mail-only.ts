// `npm run bench:mail` on its own (the scenario also runs in `npm run bench`).

import { header, printTable } from './lib/table.js';
import { mailScenario } from './mail.js';

console.log(header());
printTable(await mailScenario());
process.exit(0);
