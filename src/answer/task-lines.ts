/**
 * The lines of a task or plan measure as every task answer shows them (its status and lead
 * first, then the task, its departments and progress; in a list, one line), and the names of
 * the tables they stand in.
 */
import type { Line, Source, Task } from '../types.js';
import { HOME } from '../question/match.js';
import { clip, span as s } from './compose.js';

/** What a document is, in a word or two; its full title is in the source line. */
export function docName(doc: Source): string {
  const year = doc.date.slice(0, 4);
  if (doc.kind === 'plan') return `${doc.region === HOME ? '' : doc.region.replace(/[县市区镇]$/, '')}实施意见`;
  return `${year ? `${year}年` : ''}${doc.region === HOME ? '' : doc.region}重点工作任务表`;
}

/** 第（15）条措施 or 第15项任务. */
export function itemName(doc: Source | undefined, n: number): string {
  return doc?.kind === 'plan' ? `第（${n}）条措施` : `第${n}项任务`;
}

function taskTitle(t: Task): string {
  return t.number !== null ? `第${t.number}项` : t.section;
}

export function departmentsText(t: Task): string {
  return [t.lead.length ? `牵头：${t.lead.join('、')}` : '', t.others.length ? `配合：${t.others.join('、')}` : ''].filter(Boolean).join('；');
}

/** The clause of a task's progress that gives the whole task's share done in percent, if one does. */
function wholeShare(progress: string[], words: string[]): string | undefined {
  const clauses = progress.flatMap((p) => p.split(/[。；;]/)).map((c) => c.trim());
  const found = clauses.find((c) => /\d%/.test(c) && words.some((w) => c.includes(w)));
  // (Of a long sentence, the comma's clause that says it: …基础管道施工等工作,整体进度已完成年度目标任务的55%,…)
  return found && found.length > 40 ? found.split(/[，,]/).find((c) => /\d%/.test(c) && c.length <= 40 && words.some((w) => c.includes(w)))?.trim() : found;
}

/** A whole task: what was asked first (its departments, or its status), then the task and its progress. */
export function taskLines(t: Task, opts: { who?: boolean; progress?: boolean; progressItems?: number; shown?: string[]; whole?: string[] } = {}): Line[] {
  // A row of a progress table is a task; a numbered item of a plan, with neither status nor progress, a measure.
  const isMeasure = t.number !== null && !t.status && !t.progress.length;
  const name = t.number === null ? t.section : isMeasure ? `第${t.number}条措施` : `第${t.number}项任务`;
  const status: Line = t.status ? [s('进展状态：'), s(t.status, true)] : [s('进展状态：未标注')];
  // A task's first line says how it stands and who leads it: on a phone that is the answer.
  const led = t.lead.length ? [s(` · 牵头：${t.lead.join('、')}`)] : [];
  // Asked its progress, a row that gives it in a few words (80%, 已完工) says it first.
  // So does the clause giving the whole task's share done (本项目已完成总工程量的85%), before its parts'.
  const brief = !opts.progress ? undefined : t.progress.length === 1 && t.progress[0].length <= 40 ? t.progress[0] : wholeShare(t.progress, opts.whole ?? []);
  const head: Line = opts.who
    ? [s(`${name}牵头部门：`), s(t.lead.join('、') || '未注明', true), ...(t.others.length ? [s(`（配合：${t.others.join('、')}）`)] : [])]
    : brief
      ? [s(`${name}进度：`), s(brief, true), ...led]
      : isMeasure
      ? [s(name)]
      : [s(`${name} · `), ...status, ...led];
  const lines: Line[] = [head, [s(`任务：${t.text}`)]];
  const departments = !opts.who && !isMeasure ? (t.others.length ? `配合：${t.others.join('、')}` : '') : departmentsText(t);
  if (!opts.who && departments) lines.push([s(departments)]);
  if (opts.who && !isMeasure) lines.push(status);
  const max = opts.progressItems ?? 3;
  // Parts of the progress already shown above it (相关进展) are not repeated.
  if (opts.shown?.length) {
    const rest = t.progress.filter((p) => !opts.shown!.some((part) => p.includes(part)));
    if (rest.length < t.progress.length) {
      if (rest.length) lines.push([s(`（另有${rest.length}条进展）`)]);
      return lines;
    }
  }
  if (brief) lines.push(status);
  // (A comma's clause picked out of a sentence leaves the rest of it to say: 发放公租房租赁补贴5462户,完成年度目标任务的99.3%.)
  const partOfSentence = brief !== undefined && t.progress.some((p) => p.split(/[。；;]/).some((c) => c.trim() !== brief && c.includes(brief)));
  if ((!brief || partOfSentence) && t.progress.length) {
    lines.push([s('进展：')]);
    t.progress.slice(0, max).forEach((p) => lines.push([s(clip(p, 160))]));
    if (t.progress.length > max) lines.push([s(`（另有${t.progress.length - max}条进展未列出）`)]);
  }
  return lines;
}

/** A task in a list: its number and text, then its status and lead departments (and the one asked about, when it only takes part). */
export function taskItem(t: Task, n: number, showStatus: boolean, department?: string): Line {
  const named = department && !t.lead.includes(department) && t.others.includes(department) ? [...t.lead, `配合：${department}`] : t.lead;
  const tail = [showStatus && t.status ? t.status : '', named.join('、')].filter(Boolean).join('，');
  return [s(`${n}. ${taskTitle(t)} ${clip(t.text, 90)}`), ...(tail ? [s(`〔${tail}〕`)] : [])];
}

