/**
 * npm run eval [-- SET.jsonl …] — scores the project's evaluation set (test/eval/questions.jsonl)
 * and the shared dev set in-process, prints the failures, and exits 1 below MIN percent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core.js';
import { evaluate, readCases, MIN_PERCENT } from '../evaluate.js';
import { ROOT } from '../knowledge/build.js';

const sets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = sets.length ? sets : [join(ROOT, 'test', 'eval', 'questions.jsonl'), join(ROOT, '..', 'shared', 'eval', 'dev.jsonl')].filter(existsSync);
const core = createCore();
let ok = true;
for (const file of files) {
  const result = evaluate(core, readCases(file));
  for (const f of result.failures) console.log(`FAIL ${f.case.id} ${f.case.q}\n     ${f.why}\n     ${f.text}`);
  console.log(`${file}: ${result.passed}/${result.total} (${result.percent.toFixed(1)}%)`);
  if (result.percent < MIN_PERCENT) ok = false;
}
process.exitCode = ok ? 0 : 1;
