/**
 * npm run knowledge — reads every document in seeds/ and writes knowledge/generated/, with a
 * line per document (kind, title, date, region, records given) and what could not be read,
 * by file and line.
 * npm run knowledge -- --explain FILE — prints the records one document gives, writing nothing.
 */
import { resolve } from 'node:path';
import { documentRecords, extractAll, writeKnowledge } from '../knowledge/build.js';
import { documentLines, explain } from '../knowledge/explain.js';

const args = process.argv.slice(2);
const at = args.indexOf('--explain');
if (at >= 0) {
  const file = args[at + 1];
  if (!file) {
    console.error('usage: npm run knowledge -- --explain FILE');
    process.exit(2);
  }
  console.log(explain(await documentRecords(resolve(file))).join('\n'));
} else {
  const records = await extractAll();
  writeKnowledge(records);
  for (const line of documentLines(records)) console.log(line);
  for (const p of records.problems) console.error(`${p.file}:${p.line}: ${p.message}`);
  console.log(
    `${records.sources.length} sources, ${records.indicators.length} indicators, ${records.tasks.length} tasks, ${records.passages.length} passages` +
      (records.problems.length ? `; ${records.problems.length} problems (above)` : ''),
  );
}
