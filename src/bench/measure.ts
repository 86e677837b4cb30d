/**
 * One measurement of the bench, in a process of its own so that its memory is the bot's alone:
 * `node measure.js --knowledge DIR --questions FILE [--rounds N] [--bare]` loads the knowledge
 * of DIR as the bot does, answers every question of FILE (one a line) `rounds` times after a
 * warm-up pass, and prints one JSON object: load time, p50/p99 per question (wall time, the
 * process's CPU time, and on Linux the main thread's: mainP50Ms, mainP99Ms), resident memory.
 * With --bare it measures the floor instead: a bare MiniSearch over the same records (the
 * default options, the question as typed, character pairs as words), searched for the same questions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadKnowledge, type RecordSet } from '../knowledge/load.js';
import { createCore } from '../core.js';
import { tokenize } from '../text/tokenize.js';
import type { KnowledgeRecord } from '../types.js';

const args = process.argv.slice(2);
const arg = (name: string) => args[args.indexOf(name) + 1];
const dir = arg('--knowledge');
const questions = readFileSync(arg('--questions'), 'utf8').split('\n').filter((q) => q.trim());
const rounds = Number(args.includes('--rounds') ? arg('--rounds') : 1);

const now = () => performance.now();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The CPU time of this thread alone (ms), where Linux tells it (/proc, to the nanosecond):
 * the question's own work, without the compiler's and collector's threads that run beside it.
 */
const THREAD_STAT = `/proc/self/task/${process.pid}/schedstat`;
const threadMs = existsSync(THREAD_STAT) ? () => Number(readFileSync(THREAD_STAT, 'utf8').split(' ')[0]) / 1e6 : undefined;

function latency(ask: (q: string) => unknown) {
  // Warm-up: a first pass measures the JIT compiler, not the work. The whole mix, so that no
  // question's code is first compiled while measured (a pass of its first 300 left most to round one).
  for (const q of questions) ask(q);
  const times: number[] = [];
  // CPU time too: on a machine shared with other work, a question's wall time includes the
  // time slices others took; its CPU time (this process's, collector threads included) does not.
  const cpu: number[] = [];
  const main: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const m = threadMs?.() ?? 0;
      const c = process.cpuUsage();
      const t = now();
      ask(q);
      times.push(now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (threadMs) main.push(threadMs() - m);
    }
  }
  const at = (list: number[], p: number) => round(list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]);
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  main.sort((a, b) => a - b);
  const own = main.length ? { mainP50Ms: at(main, 50), mainP99Ms: at(main, 99) } : {};
  return { questions: times.length, p50Ms: at(times, 50), p99Ms: at(times, 99), maxMs: round(times.at(-1)!), cpuP50Ms: at(cpu, 50), cpuP99Ms: at(cpu, 99), ...own };
}

/** Resident memory as the bot holds it after answering (no collection forced). */
function memory() {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) };
}

/** What a record says, as the bare search sees it. */
function said(r: KnowledgeRecord): string {
  if (r.type === 'indicator') return `${r.name} ${r.sentence}`;
  if (r.type === 'task') return `${r.text} ${r.progress.join(' ')}`;
  return r.text;
}

if (args.includes('--bare')) {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const records: RecordSet = { sources: read('sources.json'), indicators: read('indicators.json'), tasks: read('tasks.json'), passages: read('passages.json') };
  const t = now();
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: (text) => tokenize(text) });
  mini.addAll([...records.indicators, ...records.tasks, ...records.passages].map((r) => ({ id: r.id, text: said(r) })));
  const buildMs = Math.round(now() - t);
  console.log(JSON.stringify({ records: mini.documentCount, buildMs, ...latency((q) => mini.search(q)), ...memory() }));
} else {
  const t = now();
  const knowledge = loadKnowledge(dir);
  const loadMs = Math.round(now() - t);
  const core = createCore(knowledge);
  const records = knowledge.indicators.length + knowledge.tasks.length + knowledge.passages.length;
  console.log(JSON.stringify({ reports: knowledge.sources.length, records, loadMs, ...latency((q) => core.ask(q)), ...memory() }));
}
