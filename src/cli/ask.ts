/**
 * npm run ask -- "问题"            prints the answer as a user sees it
 * npm run ask -- --json "问题"     prints one JSON object
 * npm run ask -- --json < file     one JSON object per non-blank line of standard input
 */
import { createInterface } from 'node:readline';
import { createCore } from '../core.js';
import type { Answer } from '../types.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = args.filter((a) => a !== '--json').join(' ');
const core = createCore();

const asJson = (a: Answer) =>
  JSON.stringify({ question: a.question, kind: a.kind, text: a.text, records: a.records, sources: a.sources });

if (question) {
  const a = core.ask(question);
  console.log(json ? asJson(a) : a.text);
} else if (json) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(asJson(core.ask(line)) + '\n');
  }
} else {
  console.error('usage: npm run ask -- [--json] "问题"   (with --json and no question: one question per line on stdin)');
  process.exitCode = 2;
}
