/**
 * The core answered once before the bot receives anything. The first question after a start
 * takes about half a second more than any later one (the spelling vocabulary and other tables
 * are built on first use, and the code is compiled): in a burst of Slack mentions every answer
 * queued behind it waited for it, so the first answers of a burst came seconds after the rest.
 * No conversation is named, so nothing is remembered and nothing is logged. A chart is drawn
 * once too: the first one loads HarfBuzz and the font (about half a second).
 */
import type { Core } from './core.js';
import type { Chart } from './types.js';
import { chartPng } from './chart/render.js';

/** One question of each kind the tables behind it are built for. */
const QUESTIONS = ['6月全市用电量是多少', '哪些任务滞后', '市科技局牵头的任务进展如何', '2020年GDP目标是多少', '宁波GDP多少'];

/** A chart of each kind of character it may write: digits, Chinese, Latin. */
const CHART: Chart = {
  kind: 'bar',
  title: '2021年嘉兴市各县（市、区）GDP增速（%）',
  unit: '%',
  period: '2021年',
  place: '嘉兴市各县（市、区）',
  source: '预热',
  categories: ['嘉善县', '平湖市', '南湖区'],
  series: [{ name: 'GDP增速', values: [10.3, 10.1, 8.8] }],
};

/** Answers the warm-up questions and draws a chart; returns how long it took (ms). Never throws. */
export function warmUp(core: Core): number {
  const started = performance.now();
  for (const question of QUESTIONS) {
    try {
      core.ask(question);
    } catch {
      // the core answers its own faults; a warm-up never stops a start
    }
  }
  try {
    chartPng(CHART);
  } catch {
    // a chart that cannot be drawn is sent without its picture; it stops no start either
  }
  return Math.round(performance.now() - started);
}
