/**
 * The time to draw a chart at seed size: the seeds with a county table beside them (the
 * real-report fixture 2021年嘉兴各区县GDP排行, as an official would add one), the questions
 * whose answers carry a chart, each chart drawn to PNG five times after a warm-up. The first
 * chart of a process also loads HarfBuzz and the font, and compiles the code (reported apart).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, ROOT, SEEDS_DIR } from '../knowledge/build.js';
import { buildIndex } from '../knowledge/search.js';
import { fromRecords } from '../knowledge/load.js';
import { createCore } from '../core.js';
import type { Chart } from '../types.js';

const COUNTY_TABLE = join(ROOT, 'test', 'fixtures', 'realdocs', '2021年嘉兴各区县GDP排行-网页表格.txt');
const QUESTIONS = ['2021年哪个县GDP增速最快', '各县市2021年GDP', 'GDP', '2021年重点工作有几项任务', '哪个部门牵头最多'];
const ROUNDS = 5;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
/** CPU time of the process (all its threads), which a machine busy with other work inflates less than the clock. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function benchCharts(): Promise<{ firstChartMs: number; charts: { kind: Chart['kind']; values: number; medianMs: number; cpuMs: number }[]; medianMs: number; maxMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-charts-'));
  let charts: Chart[];
  try {
    for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    copyFileSync(COUNTY_TABLE, join(dir, 'county-table.txt'));
    const records = await extractAll(dir);
    const core = createCore(fromRecords(records, buildIndex(records)));
    charts = QUESTIONS.map((q) => core.ask(q).chart).filter((c): c is Chart => !!c);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let t = process.hrtime.bigint();
  const { chartPng } = await import('../chart/render.js');
  chartPng(charts[0]);
  const firstChartMs = round(ms(t));
  // Warm-up, as for answers: the first passes measure the JIT compiler, not the drawing.
  for (let i = 0; i < 3; i++) for (const chart of charts) chartPng(chart);
  const all: number[] = [];
  const each = charts.map((chart) => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      t = process.hrtime.bigint();
      const c = process.cpuUsage();
      chartPng(chart);
      times.push(ms(t));
      cpu.push(cpuMs(c));
    }
    all.push(...times);
    const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]);
    return { kind: chart.kind, values: chart.series.reduce((n, s) => n + s.values.length, 0), medianMs: median(times), cpuMs: median(cpu) };
  });
  all.sort((a, b) => a - b);
  return { firstChartMs, charts: each, medianMs: round(all[Math.floor(all.length / 2)]), maxMs: round(all.at(-1)!) };
}
