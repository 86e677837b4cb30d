/**
 * npm run ask -- "问题"            prints the answer as a user sees it
 * npm run ask -- --json "问题"     prints one JSON object
 * npm run ask -- --json < file     one JSON object per non-blank line of standard input; a line
 *                                  {"q": "问题", "chat": "id"} asks within conversation "id"
 *                                  (see batch.ts)
 * Escape sequences and invisible controls are taken out of questions and of what is printed.
 */
import { createCore } from '../core.js';
import { safeText } from '../safe-text.js';
import type { Answer, AskOptions } from '../types.js';
import { inputLines, readQuestion } from './batch.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const question = safeText(args.filter((a) => a !== '--json').join(' '));
const core = createCore();

const asJson = (a: Answer) =>
  JSON.stringify({ question: safeText(a.question), kind: a.kind, text: safeText(a.text), records: a.records, sources: a.sources });

if (question.trim()) {
  const a = core.ask(question);
  console.log(json ? asJson(a) : safeText(a.text));
} else if (json) {
  for await (const line of inputLines(process.stdin)) {
    if (!line.trim()) continue;
    const asked = readQuestion(line);
    const q = safeText(asked.question);
    const options: AskOptions | undefined = asked.conversation !== undefined ? { conversation: asked.conversation } : undefined;
    process.stdout.write(asJson(core.ask(q, options)) + '\n');
  }
} else {
  console.error('usage: npm run ask -- [--json] "问题"   (with --json and no question: one question per line on stdin)');
  process.exitCode = 2;
}
