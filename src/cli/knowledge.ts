/**
 * npm run knowledge — reads every document in seeds/ and writes knowledge/generated/, with a
 * line per document (kind, title, date, region, records given) and what could not be read,
 * by file and line. It reads the reports added from the chat too (REPORTS_DIR, default
 * DATA_DIR/reports); `--reports DIR` and `--out DIR` name other folders; with `--cache DIR` the
 * records of documents read before are taken from DIR (src/knowledge/cache.ts).
 * npm run knowledge -- --explain FILE — prints the records one document gives, writing nothing.
 * npm run knowledge -- --add FILE [--yes] — shows what one report gives, asks (y/N), then copies
 * it into seeds/ and rebuilds; a running bot picks the rebuild up without a restart.
 */
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { documentRecords, extractAll, writeKnowledge, SEEDS_DIR } from '../knowledge/build.js';
import { GENERATED_DIR } from '../knowledge/lexicon.js';
import { readEnvFile } from '../env-file.js';
import { reportsDirOf } from '../reports/shelf.js';
import { documentLines, explain, problemLine } from '../knowledge/explain.js';
import { addReport } from '../knowledge/add.js';
import { RecordsCache } from '../knowledge/cache.js';

const args = process.argv.slice(2);
const fileAfter = (flag: string, usage: string): string => {
  const file = args[args.indexOf(flag) + 1];
  if (!file || file.startsWith('--')) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`${file}: no such file`);
    process.exit(2);
  }
  return file;
};

/** The reports added from the chat, as the bot finds them (REPORTS_DIR, DATA_DIR), without refusing to build over an unrelated setting's fault. */
function keptReports(): string {
  const env: Record<string, string | undefined> = { ...readEnvFile()?.values, ...process.env };
  return reportsDirOf({ REPORTS_DIR: env.REPORTS_DIR?.trim() || undefined, DATA_DIR: env.DATA_DIR?.trim() || './data' });
}

/** y or yes on the terminal; anything else, or the end of input, is no. */
function confirm(question: string): Promise<boolean> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      done(/^(y|yes|是)$/i.test(answer.trim()));
    });
    rl.on('close', () => !answered && done(false));
  });
}

if (args.includes('--explain')) {
  const file = fileAfter('--explain', 'npm run knowledge -- --explain FILE');
  console.log(explain(await documentRecords(resolve(file))).join('\n'));
} else if (args.includes('--add')) {
  const file = fileAfter('--add', 'npm run knowledge -- --add FILE [--yes]');
  const result = await addReport(file, {
    confirm: () => (args.includes('--yes') ? Promise.resolve(true) : confirm('Add it to seeds/ and rebuild the knowledge? [y/N] ')),
    print: (line) => console.log(line),
    reportsDir: resolve(keptReports()),
  });
  process.exitCode = result === 'added' || result === 'declined' ? 0 : 1;
} else {
  // seeds/ and the reports added from the chat (REPORTS_DIR, default DATA_DIR/reports): a plain
  // rebuild keeps them. --reports DIR and --out DIR are how the bot runs it (src/reports/rebuild.ts).
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const reports = flag('--reports') ?? keptReports();
  // --cache DIR: the records of documents read before are taken from DIR (src/knowledge/cache.ts).
  const cache = flag('--cache');
  const kept = cache ? new RecordsCache(resolve(cache)) : undefined;
  const records = await extractAll([SEEDS_DIR, resolve(reports)], undefined, kept);
  writeKnowledge(records, flag('--out') ?? GENERATED_DIR, kept);
  for (const line of documentLines(records)) console.log(line);
  for (const p of records.problems) console.error(problemLine(p));
  console.log(
    `${records.sources.length} sources, ${records.indicators.length} indicators, ${records.tasks.length} tasks, ${records.passages.length} passages` +
      (records.problems.length ? `; ${records.problems.length} problems (above)` : ''),
  );
}
