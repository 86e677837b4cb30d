/**
 * npm run knowledge — reads every document in seeds/ and writes knowledge/generated/.
 * Documents that cannot be read are reported by file and line; the rest still builds.
 */
import { extractAll, writeKnowledge } from '../knowledge/build.js';

const records = extractAll();
writeKnowledge(records);
for (const p of records.problems) console.error(`${p.file}:${p.line}: ${p.message}`);
console.log(
  `${records.sources.length} sources, ${records.indicators.length} indicators, ${records.tasks.length} tasks, ${records.passages.length} passages` +
    (records.problems.length ? `; ${records.problems.length} problems (above)` : ''),
);
