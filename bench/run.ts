// `npm run bench` (all scenarios) or `npm run bench:sign` / `bench:page`: prints one table with ratios.
// BENCH_DURATION (seconds, default 60) and BENCH_CONNECTIONS (default 64) tune a run.

import { header, printTable, type Row } from './lib/table.js';
import { pageScenario, signScenario } from './scenarios.js';
import { writerScenario } from './writer.js';

const scenarios: Record<string, () => Promise<Row[]>> = {
  sign: signScenario,
  writer: writerScenario,
  page: pageScenario,
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
