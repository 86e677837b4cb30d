/**
 * npm run eval [-- SET.jsonl …] — scores the project's evaluation set (test/eval/questions.jsonl)
 * and the shared dev sets in-process, prints the failures — wrong answers apart from "none" —
 * and exits 1 below MIN_PERCENT or on any wrong answer in the project's own set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core.js';
import { evaluate, questionOf, readCases, MIN_PERCENT } from '../evaluate.js';
import { ROOT } from '../knowledge/build.js';

const own = join(ROOT, 'test', 'eval', 'questions.jsonl');
const sets = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const shared = ['dev', 'dev-2', 'dev-chat'].map((s) => join(ROOT, '..', 'shared', 'eval', `${s}.jsonl`));
const files = sets.length ? sets : [own, ...shared].filter(existsSync);
const core = createCore();
let ok = true;
for (const file of files) {
  const result = evaluate(core, readCases(file));
  for (const f of result.failures) console.log(`${f.kind === 'wrong' ? 'WRONG' : 'NONE '} ${f.case.id} ${questionOf(f.case)}\n      ${f.why}\n      ${f.text}`);
  console.log(`${file}: ${result.passed}/${result.total} (${result.percent.toFixed(1)}%), ${result.wrong} wrong, ${result.failures.length - result.wrong} "none"`);
  if (result.percent < MIN_PERCENT || (file === own && result.wrong > 0)) ok = false;
}
process.exitCode = ok ? 0 : 1;
