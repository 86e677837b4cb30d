/**
 * npm run bench [-- --json] — speed and memory, measured rather than asserted:
 * - seed: the committed knowledge, loaded and asked the question mix (the project's and the
 *   dev sets) in a process of its own (src/bench/measure.ts), as the bot holds it;
 * - corpus: at least 300 distinct reports (src/bench/corpus.ts: the seeds and the real-report
 *   fixtures with places, years and figures varied) built by the real build in a child process
 *   as a running bot rebuilds, then built again with one report added, loaded and asked the
 *   question mix varied the same way, so that questions span the corpus;
 * - bare: a bare MiniSearch over the same records, searched for the same questions: the floor;
 * - `ask` from a cold start, drawing a chart (src/bench/charts.ts), reading one PDF page and one 100-row Excel sheet, the digest
 *   fan-out, and bursts of Slack mentions to the bot as `npm start` runs it (adapters/slack/bench.ts).
 * `-- --slack` runs the Slack bursts only; `-- --quick` leaves out the formats, fan-out and Slack.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { GENERATED_DIR } from '../knowledge/lexicon.js';
import { loadKnowledge } from '../knowledge/load.js';
import { ROOT, scriptArgs } from '../root.js';
import { readCases } from '../evaluate.js';
import { corpus, realTexts, vary, varyQuestion, writeCorpus } from '../bench/corpus.js';
import { onePagePdf, readTime, taskSheet } from '../bench/formats.js';
import { benchCharts } from '../bench/charts.js';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};

const CORPUS_REPORTS = 300;
const ms = (start: number) => Math.round(performance.now() - start);

/** The questions officials ask: the dev and project sets, and the README's examples. */
function questionMix(): string[] {
  const sets = [join(ROOT, 'test', 'eval', 'questions.jsonl'), join(ROOT, '..', 'shared', 'eval', 'dev.jsonl')].filter(existsSync);
  const qs = sets.flatMap((f) => readCases(f).flatMap((c) => c.turns ?? (c.q ? [c.q] : [])));
  return qs.length ? qs : ['6月全市用电量是多少？', '哪些任务滞后？', '市科技局牵头的任务进展如何？', '2020年GDP目标是多少？'];
}

/** One measurement in a process of its own (src/bench/measure.ts). */
function measure(knowledge: string, questions: string[], extra: string[] = []): Record<string, number> {
  const file = join(work, `questions-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, questions.join('\n') + '\n');
  // With the bench's own node flags (the young generation's size of `npm start`).
  const out = execFileSync(process.execPath, [...process.execArgv, ...scriptArgs('src/bench/measure.ts'), '--knowledge', knowledge, '--questions', file, ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** The knowledge build as a running bot runs it after a report is added: a child process (`npm run knowledge -- --out --reports --cache`). */
function build(reports: string, out: string): number {
  const t = performance.now();
  const args = ['--out', out, '--reports', reports, '--cache', join(reports, '.build-cache')];
  const run = spawnSync(process.execPath, [...scriptArgs('src/cli/knowledge.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the corpus build failed: ${run.stderr.slice(-500)}`);
  return ms(t);
}

const bytesIn = (dir: string, name: string) => statSync(join(dir, name)).size;
const knowledgeBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + bytesIn(dir, f), 0);

function coldAsk(): { runs: number; medianMs: number } {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const run = spawnSync('npm', ['run', '--silent', 'ask', '--', '6月全市用电量是多少？'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ask failed: ${run.stderr}`);
    times.push(ms(t));
  }
  return { runs: 3, medianMs: times.sort((a, b) => a - b)[1] };
}

async function fanOut(n: number) {
  const { benchFanOut } = await import('../../adapters/digest/bench.js');
  return benchFanOut(n);
}

async function slackBursts() {
  const { benchSlackBursts } = await import('../../adapters/slack/bench.js');
  return benchSlackBursts();
}

const work = mkdtempSync(join(tmpdir(), 'jx-bench-'));

async function main() {
  if (process.argv.includes('--slack')) {
    const bursts = await slackBursts();
    if (json) console.log(JSON.stringify({ slackBursts: bursts }));
    else for (const [i, b] of bursts.entries()) log(`Slack burst ${i + 1}`, b);
    return;
  }
  const questions = questionMix();
  const results: Record<string, unknown> = {};

  // Seed size: the committed knowledge, as the bot loads it.
  const cold = coldAsk();
  results.seed = {
    ...measure(GENERATED_DIR, questions, ['--rounds', '5']),
    indexBytes: bytesIn(GENERATED_DIR, 'index.json'),
    knowledgeBytes: knowledgeBytes(GENERATED_DIR),
    coldAskMs: cold.medianMs,
  };
  log('seed size', results.seed);

  // A corpus of 300 reports and more, built as the bot builds, then with one more report.
  const reports = join(work, 'reports');
  const built = join(work, 'knowledge');
  const shelf = corpus(CORPUS_REPORTS);
  writeCorpus(reports, shelf);
  const buildMs = build(reports, built);
  const variants = Math.ceil(shelf.length / realTexts().length);
  const one = realTexts()[0];
  writeCorpus(reports, [{ name: `added-${one.name}`, text: vary(one.text, variants) }]);
  const addOneMs = build(reports, built);
  const spanning = Array.from({ length: variants }, (_, k) => questions.map((q) => varyQuestion(q, k))).flat();
  results.corpus = {
    ...measure(built, spanning),
    buildMs,
    addOneMs,
    indexBytes: bytesIn(built, 'index.json'),
    knowledgeBytes: knowledgeBytes(built),
  };
  log(`corpus of ${CORPUS_REPORTS}+ reports`, results.corpus);

  results.bare = { seed: measure(GENERATED_DIR, questions, ['--rounds', '5', '--bare']), corpus: measure(built, spanning, ['--bare']) };
  log('bare MiniSearch over the same records (the floor)', results.bare);

  results.charts = await benchCharts();
  log('drawing a chart (ECharts SVG, then PNG by resvg), per chart', results.charts);

  if (!quick) {
    // (A running bot swaps in a rebuilt knowledge by loading its files: the build runs in its own process.)
    const swapAt = process.hrtime.bigint();
    loadKnowledge();
    const swapRebuiltKnowledgeMs = Math.round(Number(process.hrtime.bigint() - swapAt) / 1e6);
    results.formats = {
      pdfPageMs: await readTime(onePagePdf(45)),
      sheet100RowsMs: await readTime(await taskSheet(100)),
      swapRebuiltKnowledgeMs,
    };
    log('reading formats', results.formats);
    const fan = await fanOut(10_000);
    if (fan) {
      results.digestFanOut = fan;
      log('digest fan-out to 10,000 subscribers', fan);
    }
    results.slackBursts = await slackBursts();
    log('bursts of 64 Slack mentions at 365/s', results.slackBursts);
  }

  results.targets = { p99MsSeed: 2, rssMbSeed: 150, coldAskMs: 1000, p99MsCorpus: 20, rssMbCorpus: 400, buildMsCorpus: 120_000, addOneMsCorpus: 5000, slackLateOver1s: 0, chartMs: 100 };
  if (json) console.log(JSON.stringify(results));
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
