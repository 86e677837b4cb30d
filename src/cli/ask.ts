/**
 * npm run ask -- "问题"            prints the answer as a user sees it
 * npm run ask -- --json "问题"     prints one JSON object
 * npm run ask -- --json < file     one JSON object per non-blank line of standard input; a line
 *                                  {"q": "问题", "chat": "id"} asks within conversation "id"
 *                                  (see batch.ts)
 * --chart FILE.png                 also draws the answer's chart (counties compared, a figure over
 *                                  time, tasks by status) into FILE.png; says so when it has none
 * --log                            also writes each question to the answer log in DATA_DIR
 *                                  (as platform "cli"); without it nothing is written anywhere
 * Escape sequences and invisible controls are taken out of questions and of what is printed.
 * A reader that stops early (`| head -1`) ends the run quietly, with what was logged kept.
 */
import { writeFileSync } from 'node:fs';
import type { AnswerLog } from '../answer-log/log.js';
import type { LogDatabase } from '../answer-log/open.js';
import { asking } from '../asking.js';
import { createCore } from '../core.js';
import { printLine } from '../redact.js';
import { safeText } from '../safe-text.js';
import type { Answer } from '../types.js';
import { inputLines, readQuestion } from './batch.js';

const FLAGS = ['--json', '--log'];
const argv = process.argv.slice(2);
// --chart FILE: the flag and its file are no part of the question.
const chartAt = argv.indexOf('--chart');
const chartFile = chartAt >= 0 ? argv[chartAt + 1] : undefined;
const args = chartAt >= 0 ? [...argv.slice(0, chartAt), ...argv.slice(chartAt + 2)] : argv;
const json = args.includes('--json');
const question = safeText(args.filter((a) => !FLAGS.includes(a)).join(' '));
if (chartAt >= 0 && (!chartFile || chartFile.startsWith('--') || !question.trim())) {
  console.error('usage: npm run ask -- --chart FILE.png "问题"   (--chart needs a file name and one question)');
  process.exit(2);
}

/**
 * The answer log, with --log: a fault is said in one line and the answers go on without it.
 * (Its modules — SQLite, the settings, the logger — are loaded only then: a cold `ask` need not.)
 */
async function openLog(): Promise<{ answerLog: AnswerLog; database: LogDatabase } | undefined> {
  try {
    const [{ answersIn }, { AnswerLog }, { openLogDatabase }, { pseudonymKey, pseudonyms }, { readSettings }, { createLogger }] = await Promise.all([
      import('../store/sqlite-answers.js'),
      import('../answer-log/log.js'),
      import('../answer-log/open.js'),
      import('../answer-log/pseudonym.js'),
      import('../config.js'),
      import('../log.js'),
    ]);
    const { config } = readSettings();
    if (config.ANSWER_LOG === 'off') {
      printLine('ask: --log: ANSWER_LOG is off, nothing is logged');
      return undefined;
    }
    const database = openLogDatabase(config.DATA_DIR);
    const pseudonym = pseudonyms(pseudonymKey(database.dir, config.ANSWER_LOG_KEY));
    const log = createLogger('error', { plain: true });
    return { answerLog: new AnswerLog(answersIn(database.db), { pseudonym, days: config.ANSWER_LOG_DAYS, log }), database };
  } catch (error) {
    printLine(`ask: --log: ${(error as Error).message.split('\n')[0]}; answering without the log`);
    return undefined;
  }
}

const core = createCore();
const logged = args.includes('--log') ? await openLog() : undefined;
const ask = asking(core, logged?.answerLog);

/** What is logged so far is written, and the log closed; at the end, or when the reader went away. */
function closeLog(): void {
  logged?.answerLog.flush();
  logged?.database.close();
}

// `ask --json < questions | head -1`: once head has its line, the pipe closes; nothing is wrong.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  closeLog();
  process.exit(0);
});

const asJson = (a: Answer) =>
  JSON.stringify({ question: safeText(a.question), kind: a.kind, text: safeText(a.text), records: a.records, sources: a.sources, ...(a.chart ? { chart: a.chart } : {}) });

/** --chart FILE: the answer's chart as a PNG; a fault or an answer without one is said in one line. */
async function writeChart(a: Answer, file: string): Promise<void> {
  if (!a.chart) {
    printLine('ask: --chart: this answer has no chart (charts are drawn for 3 or more values compared)');
    return;
  }
  try {
    // Loaded only when asked: the renderer and its font take a moment to load.
    const { chartPng } = await import('../chart/render.js');
    writeFileSync(file, chartPng(a.chart));
  } catch (error) {
    printLine(`ask: --chart: could not write ${file}: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}

try {
  if (question.trim()) {
    const { answer } = await ask(question, { platform: 'cli' });
    console.log(json ? asJson(answer) : safeText(answer.text));
    if (chartFile) await writeChart(answer, chartFile);
  } else if (json) {
    for await (const line of inputLines(process.stdin)) {
      if (!line.trim()) continue;
      const asked = readQuestion(line);
      const { answer } = await ask(safeText(asked.question), { platform: 'cli', conversation: asked.conversation });
      process.stdout.write(asJson(answer) + '\n');
    }
  } else {
    console.error('usage: npm run ask -- [--json] [--log] [--chart FILE.png] "问题"   (with --json and no question: one question per line on stdin)');
    process.exitCode = 2;
  }
} finally {
  closeLog();
}
