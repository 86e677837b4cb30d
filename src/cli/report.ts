/**
 * npm run report                      the answer log as a report for the operator (see
 *                                     src/answer-log/report.ts): questions without an answer
 *                                     grouped by what they asked, 👎 with reasons, most asked,
 *                                     answers per day and platform, p50/p99 time
 * npm run report -- --since 7d        only the last 7 days (also 24h, 2w, or a day: 2025-07-01)
 * npm run report -- --csv             the entries as CSV, one row per answer, instead
 * npm run report -- --to-eval ID --must 293.25 [--must …] | --none [--q "问题"] [--file F]
 *                                     appends logged question ID to the evaluation set
 *                                     (test/eval/questions.jsonl) with the answer it must give
 *
 * Reads DATA_DIR/digest.db without writing to it (a running bot may hold it); times in DIGEST_TZ.
 * A wrong flag or value gets one line and exit 2; a database that cannot be read, exit 1.
 */
import { parseArgs } from 'node:util';
import { openLogDatabase } from '../answer-log/open.js';
import { buildReport, parseSince, readLog, renderReport, toCsv, type RecordInfo } from '../answer-log/report.js';
import { appendCase, evalCase } from '../answer-log/to-eval.js';
import { readSettings } from '../config.js';
import { printLine } from '../redact.js';
import { loadKnowledge } from '../knowledge/load.js';

const USAGE = [
  'usage: npm run report -- [--since 7d|24h|2w|YYYY-MM-DD] [--csv]',
  '       npm run report -- --to-eval ID (--must FIGURE [--must …] | --none) [--q "问题"] [--file test/eval/questions.jsonl]',
].join('\n');

function fail(message: string, code: number): never {
  printLine(`report: ${message}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      since: { type: 'string' },
      csv: { type: 'boolean' },
      'to-eval': { type: 'string' },
      must: { type: 'string', multiple: true },
      none: { type: 'boolean' },
      q: { type: 'string' },
      file: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, 2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let config;
try {
  config = readSettings().config;
} catch (error) {
  fail((error as Error).message.split('\n')[0], 1);
}
const timezone = config.DIGEST_TZ;

let since = 0;
if (args.since !== undefined) {
  const parsed = parseSince(args.since, Date.now(), timezone);
  if (parsed === undefined) fail(`--since ${JSON.stringify(args.since)}: give a span back from now (24h, 7d, 2w) or a day (2025-07-01)`, 2);
  since = parsed;
}

let database;
try {
  database = openLogDatabase(config.DATA_DIR, { readonly: true });
} catch (error) {
  fail((error as Error).message.split('\n')[0], 1);
}

try {
  if (args['to-eval'] !== undefined) {
    const id = args['to-eval'].trim();
    const [entry] = readLog(database.db, 0, id);
    if (!entry) fail(`no entry ${JSON.stringify(id)} in the answer log (the ids are in the report's last column)`, 2);
    const file = args.file ?? 'test/eval/questions.jsonl';
    let fields;
    try {
      fields = evalCase(entry, { must: args.must ?? [], none: args.none ?? false, q: args.q }, file);
    } catch (error) {
      fail((error as Error).message, 2);
    }
    process.stdout.write(`appended to ${file}:\n${appendCase(file, fields)}\n`);
  } else {
    const entries = readLog(database.db, since);
    if (args.csv) process.stdout.write(toCsv(entries, timezone));
    else {
      const k = loadKnowledge();
      const info = (id: string): RecordInfo | undefined => {
        const r = k.byId.get(id);
        if (!r) return undefined;
        const document = k.sourceById.get(r.source)?.title;
        if (r.type === 'indicator') return { metric: r.name, document };
        if (r.type === 'task') return { task: `${r.number !== null ? `第${r.number}项 ` : ''}${[...r.text].slice(0, 16).join('')}…`, document };
        return { document };
      };
      if (config.ANSWER_LOG === 'off') process.stdout.write('(ANSWER_LOG is off: nothing new is logged)\n');
      process.stdout.write(renderReport(buildReport(entries, info, timezone), timezone, args.since));
    }
  }
} finally {
  database.close();
}
