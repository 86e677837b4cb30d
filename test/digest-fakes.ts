/**
 * What only the digest tests need: a small Knowledge, a temporary directory and a silent
 * logger. The fake Telegram and Slack APIs are in ./fakes/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Knowledge } from '../src/knowledge/load.js';
import type { Indicator, Source, Task } from '../src/types.js';

export const silent = pino({ level: 'silent' });

export function tempDir(prefix = 'digest-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/* ---------------------------------------------------------------- a small Knowledge */

export function source(id: string, kind: Source['kind'], date: string, title = `资料${id}`): Source {
  return { id, type: 'source', kind, title, issuer: '嘉兴市', date, file: `${id}.txt`, line: 1, region: '嘉兴市' };
}

export function indicator(id: string, src: string, name: string, figure: string, headline = true): Indicator {
  return {
    id,
    type: 'indicator',
    name,
    aliases: [],
    subject: '',
    region: '嘉兴市',
    period: { kind: 'month', year: 2021, to: 6, label: '2021年6月' },
    value: Number.parseFloat(figure),
    unit: '亿元',
    figure,
    isChange: false,
    growth: [{ basis: '同比', value: 5, unit: '%', text: '同比增长5%' }],
    nature: 'actual',
    sentence: `${name}${figure}。`,
    section: '数据透视',
    source: src,
    line: 1,
    headline,
  };
}

export function task(id: string, src: string, number: number, status: string | null, text = `任务${number}的内容`): Task {
  return { id, type: 'task', source: src, number, text, progress: [], lead: ['市发展改革委'], others: [], status, section: '', region: '嘉兴市', line: number };
}

/** A Knowledge with just what the digest reads (sources, indicators, tasks; no search index). */
export function smallKnowledge(parts: { sources: Source[]; indicators?: Indicator[]; tasks?: Task[] }): Knowledge {
  const indicators = parts.indicators ?? [];
  const tasks = parts.tasks ?? [];
  const all = [...indicators, ...tasks];
  const k: Partial<Knowledge> = {
    sources: parts.sources,
    indicators,
    tasks,
    passages: [],
    byId: new Map(all.map((r) => [r.id, r])),
    sourceById: new Map(parts.sources.map((s) => [s.id, s])),
  };
  return k as Knowledge;
}

export function sampleKnowledge(): Knowledge {
  const sources = [source('b1', 'bulletin', '2021-06-10', '信息交流第4期'), source('b2', 'bulletin', '2021-07-19', '信息交流第5期'), source('t1', 'tasks', '2021-09-08', '重点工作执行情况（上半年）'), source('r1', 'report', '2020-04-28', '政府工作报告')];
  return smallKnowledge({
    sources,
    indicators: [indicator('i1', 'b2', '一般公共预算收入', '86.87亿元'), indicator('i2', 'b2', '全社会用电量', '52.91亿千瓦时'), indicator('i3', 'b2', '不是标题', '1亿元', false), indicator('i4', 'b1', '旧数据', '2亿元')],
    tasks: [task('k1', 't1', 1, '按时推进'), task('k2', 't1', 2, '部分滞后'), task('k3', 't1', 3, '进度滞后'), task('k4', 't1', 4, '进度较快'), task('k5', 't1', 5, null)],
  });
}
