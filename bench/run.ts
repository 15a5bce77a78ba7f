// `npm run bench` (every scenario) or `npm run bench:<scenario>`: prints one table with ratios.
// BENCH_DURATION (seconds, default 60) and BENCH_CONNECTIONS (default 64) tune a run; see docs/performance.md.
import { header, printTable, type Row } from './lib/table.js';
import { mailScenario } from './mail.js';
import { counterScenario } from './scenarios/counter.js';
import { overloadScenario } from './scenarios/overload.js';
import { pageScenario } from './scenarios/page.js';
import { postgresScenario } from './scenarios/postgres.js';
import { prefilledScenario } from './scenarios/prefilled.js';
import { signScenario } from './scenarios/sign.js';
import { writerScenario } from './writer.js';

const scenarios: Record<string, () => Promise<Row[]>> = {
  sign: signScenario,
  overload: overloadScenario,
  prefilled: prefilledScenario,
  counter: counterScenario,
  postgres: postgresScenario,
  writer: writerScenario,
  page: pageScenario,
  mail: mailScenario,
};
const wanted = process.argv.slice(2).filter((a) => a in scenarios);
const rows: Row[] = [];
console.log(header());
for (const name of wanted.length > 0 ? wanted : Object.keys(scenarios)) {
  console.error(`running ${name}…`);
  rows.push(...(await scenarios[name]!()));
}
printTable(rows);
process.exit(0);
