/**
 * npm run bench [-- --json] — speed and memory, measured rather than asserted:
 * per-question latency (p50/p99) in-process over a realistic mix of questions, index build
 * and load time and memory, the same at 100 times the records (synthesized from the real
 * ones by shifting periods and regions), `ask` from a cold start, the digest fan-out, bursts
 * of Slack mentions to the bot as `npm start` runs it (adapters/slack/bench.ts), reading one
 * PDF page and one 100-row Excel sheet, and swapping in a rebuilt knowledge.
 * `-- --slack` runs the Slack bursts only.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { GENERATED_DIR } from '../knowledge/lexicon.js';
import { ROOT } from '../knowledge/build.js';
import { buildIndex, loadIndex } from '../knowledge/search.js';
import { fromRecords, loadKnowledge } from '../knowledge/load.js';
import { createCore, type Core } from '../core.js';
import { readCases } from '../evaluate.js';
import { synthesize } from '../bench/synthesize.js';
import { onePagePdf, readTime, taskSheet } from '../bench/formats.js';

const json = process.argv.includes('--json');
const log = (...args: unknown[]) => {
  if (!json) console.log(...args);
};

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (x: number) => Math.round(x * 1000) / 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The questions officials ask: the dev and project sets, and the README's examples. */
function questionMix(): string[] {
  const sets = [join(ROOT, 'test', 'eval', 'questions.jsonl'), join(ROOT, '..', 'shared', 'eval', 'dev.jsonl')].filter(existsSync);
  const qs = sets.flatMap((f) => readCases(f).flatMap((c) => c.turns ?? (c.q ? [c.q] : [])));
  return qs.length ? qs : ['6月全市用电量是多少？', '哪些任务滞后？', '市科技局牵头的任务进展如何？', '2020年GDP目标是多少？'];
}

function latency(core: Core, questions: string[], rounds: number) {
  // Warm-up: the first passes measure the JIT compiler, not the handler.
  for (let r = 0; r < 3; r++) for (const q of questions) core.ask(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = process.hrtime.bigint();
      core.ask(q);
      times.push(ms(t));
    }
  }
  times.sort((a, b) => a - b);
  return { questions: times.length, p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), maxMs: round(times.at(-1)!) };
}

function coldAsk(): { runs: number; medianMs: number } {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const run = spawnSync('npm', ['run', '--silent', 'ask', '--', '6月全市用电量是多少？'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`ask failed: ${run.stderr}`);
    times.push(ms(t));
  }
  return { runs: 3, medianMs: Math.round(times.sort((a, b) => a - b)[1]) };
}

async function fanOut(n: number) {
  const { benchFanOut } = await import('../../adapters/digest/bench.js');
  return benchFanOut(n);
}

async function slackBursts() {
  const { benchSlackBursts } = await import('../../adapters/slack/bench.js');
  return benchSlackBursts();
}

async function main() {
  if (process.argv.includes('--slack')) {
    const bursts = await slackBursts();
    if (json) console.log(JSON.stringify({ slackBursts: bursts }));
    else for (const [i, b] of bursts.entries()) log(`Slack burst ${i + 1}`, b);
    return;
  }
  const questions = questionMix();
  const results: Record<string, unknown> = {};

  // Seed size: load from knowledge/ (no extraction), build, answer.
  let t = process.hrtime.bigint();
  const indexJson = readFileSync(join(GENERATED_DIR, 'index.json'), 'utf8');
  loadIndex(indexJson);
  const indexLoadMs = ms(t);
  t = process.hrtime.bigint();
  const knowledge = loadKnowledge();
  const knowledgeLoadMs = ms(t);
  t = process.hrtime.bigint();
  buildIndex(knowledge);
  const indexBuildMs = ms(t);
  const core = createCore(knowledge);
  const records = knowledge.indicators.length + knowledge.tasks.length + knowledge.passages.length;
  results.seed = {
    records,
    indexBytes: indexJson.length,
    indexLoadMs: round(indexLoadMs),
    knowledgeLoadMs: round(knowledgeLoadMs),
    indexBuildMs: round(indexBuildMs),
    ...latency(core, questions, 5),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    rssMb: mb(process.memoryUsage().rss),
  };
  log('seed size', results.seed);

  // 100 times the records.
  const big = synthesize(knowledge, 100);
  t = process.hrtime.bigint();
  const bigIndex = buildIndex(big);
  const bigBuildMs = ms(t);
  t = process.hrtime.bigint();
  const bigJson = JSON.stringify(bigIndex);
  const serializeMs = ms(t);
  t = process.hrtime.bigint();
  const reloaded = loadIndex(bigJson);
  const bigLoadMs = ms(t);
  const bigCore = createCore(fromRecords(big, reloaded));
  results.x100 = {
    records: big.indicators.length + big.tasks.length + big.passages.length,
    indexBytes: bigJson.length,
    indexBuildMs: Math.round(bigBuildMs),
    indexSerializeMs: Math.round(serializeMs),
    indexLoadMs: Math.round(bigLoadMs),
    ...latency(bigCore, questions, 1),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    rssMb: mb(process.memoryUsage().rss),
  };
  log('100 x records', results.x100);

  // The format readers, and the swap a running bot makes after a rebuild (the build runs in
  // its own process; the bot only loads the files, and answers on between questions).
  results.formats = {
    pdfPageMs: await readTime(onePagePdf(45)),
    sheet100RowsMs: await readTime(await taskSheet(100)),
  };
  t = process.hrtime.bigint();
  core.swap(loadKnowledge());
  results.formats = { ...(results.formats as object), swapRebuiltKnowledgeMs: round(ms(t)) };
  log('reading formats, swapping knowledge', results.formats);

  results.coldAsk = coldAsk();
  log('ask from a cold start', results.coldAsk);

  const fan = await fanOut(10_000);
  if (fan) {
    results.digestFanOut = fan;
    log('digest fan-out to 10,000 subscribers', fan);
  }

  results.slackBursts = await slackBursts();
  log('bursts of 64 Slack mentions at 365/s', results.slackBursts);

  results.targets = { p99MsSeed: 2, p99MsX100: 20, coldAskMs: 1500, slackLateOver1s: 0 };
  if (json) console.log(JSON.stringify(results));
}

await main();
