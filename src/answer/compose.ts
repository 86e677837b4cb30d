/**
 * Answers as a reader on a phone sees them: the figure first, then what it is (place,
 * period, metric), the sentence it comes from, and the source with its date last.
 */
import type { Answer, AnswerKind, Indicator, KnowledgeRecord, Line, Passage, Source, Span, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';

export const LIST_PAGE = 10;

const s = (text: string, strong = false): Span => (strong ? { text, strong } : { text });

export function textOf(lines: Line[]): string {
  return lines.map((l) => l.map((sp) => sp.text).join('')).join('\n');
}

function sourcesOf(k: Knowledge, records: KnowledgeRecord[]): Source[] {
  const ids = [...new Set(records.map((r) => r.source))];
  return ids.map((id) => k.sourceById.get(id)).filter((x): x is Source => !!x);
}

/** An answer from several documents names each (up to three, the rest counted). */
function sourceNames(sources: Source[]): string {
  const named = sources.slice(0, 3).map((src) => `${src.title}${src.date ? `（${src.date}）` : ''}`);
  return `${named.join('；')}${sources.length > 3 ? `等${sources.length}份文件` : ''}`;
}

/** The documents records come from, as an answer's source line names them. */
export function sourceText(k: Knowledge, records: KnowledgeRecord[]): string {
  return sourceNames(sourcesOf(k, records));
}

export function makeAnswer(
  k: Knowledge,
  question: string,
  kind: AnswerKind,
  lines: Line[],
  records: KnowledgeRecord[],
  extra: Partial<Pick<Answer, 'quote' | 'more' | 'query' | 'followUps' | 'chart'>> = {},
): Answer {
  const sources = sourcesOf(k, records);
  const all = [...lines, ...(sources.length ? [[s(`来源：${sourceNames(sources)}`)]] : [])];
  return {
    question,
    kind,
    text: textOf(all),
    lines: all,
    records: records.map((r) => ({ id: r.id, type: r.type })),
    sources: sources.map((src) => ({ title: src.title, date: src.date })),
    ...extra,
  };
}

/** The growth as written; the basis asked (今年以来, 环比) first. */
export function growthText(ind: Indicator, basis?: string): string {
  const growth = basis ? [...ind.growth].sort((a, b) => Number(b.basis === basis) - Number(a.basis === basis)) : ind.growth;
  return growth.map((g) => g.text.replace(/^[，,、]/, '')).join('，');
}

/** 一般公共预算收入 · 嘉兴市 · 2021年6月 (目标); whose it is when not the place's (嘉兴市（南湖实验室）) and its reckoning (不含嘉兴港区). */
export function indicatorLabel(ind: Indicator): string {
  const what = ind.subject && !ind.name.includes(ind.subject) ? `${ind.subject}${ind.name}` : ind.name;
  const owner = ind.owner && !what.includes(ind.owner) ? `（${ind.owner}）` : '';
  // 1-9月 of a report whose year nothing says: said so, never passed off as this year's.
  const yearUnknown = ind.period.year === undefined && ['month', 'range', 'asof', 'day'].includes(ind.period.kind) ? '（年份不明）' : '';
  return [what, ind.placeless ? '' : `${ind.region}${owner}`, `${ind.period.label}${yearUnknown}`, ind.scope ?? '', ind.nature === 'target' ? '目标' : ''].filter(Boolean).join(' · ');
}

/** The figure as the sentence qualifies it: 近70万亩, 约1亿元, 超1400万人次. */
export function qualifiedFigure(ind: Indicator): string {
  const at = ind.sentence.indexOf(ind.figure);
  const before = at > 0 ? ind.sentence.slice(Math.max(0, at - 2), at) : '';
  const hedge = before.match(/(?:近|约|超过|超|逾|达近|不足|不到)$/)?.[0];
  return hedge && !ind.figure.startsWith(hedge) ? `${hedge}${ind.figure}` : ind.figure;
}

/** The line that leads an indicator answer: the figure in bold, then its growth. */
export function figureLine(ind: Indicator, changeFirst = false, basis?: string): Line {
  const growth = growthText(ind, basis);
  if (ind.isChange) return boldNumbers(growth || ind.figure);
  const figure = qualifiedFigure(ind);
  if (changeFirst && growth) return [...boldNumbers(growth), s(`（${figure}）`)];
  return [s(figure, true), ...(growth ? [s(`，${growth}`)] : [])];
}

function boldNumbers(text: string): Span[] {
  return text
    .split(/(-?\d+(?:\.\d+)?(?:%|个百分点))/)
    .filter(Boolean)
    .map((part) => s(part, /^-?\d/.test(part)));
}

export function indicatorLines(ind: Indicator, changeFirst = false, basis?: string): Line[] {
  return [figureLine(ind, changeFirst, basis), [s(indicatorLabel(ind))]];
}

/** A figure beside the answer; its place is named when it is not the answer's. */
export function relatedLine(ind: Indicator, answerRegion: string): Line {
  const growth = growthText(ind);
  const where = ind.region !== answerRegion ? `${ind.region} ` : '';
  const target = ind.nature === 'target' ? '目标' : '';
  return [s('· '), s(`${where}${ind.name}${target} ${ind.period.label}：`), s(ind.figure, true), s(growth && !ind.isChange ? `，${growth}` : '')];
}

const QUOTE_MAX = 120;

/**
 * The source sentence, cut to the clauses around the figure when it is long: a phone shows
 * the part that matters; the whole sentence stays behind the 原文 button (Answer.quote).
 */
export function quoteLine(text: string, figure?: string, label = '原文'): Line {
  if (text.length <= QUOTE_MAX) return [s(`${label}：“${text}。”`)];
  const at = figure ? Math.max(0, text.indexOf(figure)) : 0;
  const stops = [...text.matchAll(/[，,；;：:]/g)].map((m) => m.index ?? 0);
  // From the clause before the figure's clause, forward clause by clause while it fits.
  const before = stops.filter((i) => i < at);
  let start = before.length >= 2 ? before[before.length - 2] + 1 : 0;
  if (at - start > QUOTE_MAX / 2) start = before.at(-1)! + 1;
  let end = stops.find((i) => i > at + (figure?.length ?? 0)) ?? text.length;
  for (const stop of stops) if (stop > end && stop - start <= QUOTE_MAX) end = stop;
  if (end - start > QUOTE_MAX) end = start + QUOTE_MAX;
  return [s(`${label}：“${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : '。'}”`)];
}

export function taskTitle(t: Task): string {
  return t.number !== null ? `第${t.number}项` : t.section;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function departmentsText(t: Task): string {
  return [t.lead.length ? `牵头：${t.lead.join('、')}` : '', t.others.length ? `配合：${t.others.join('、')}` : ''].filter(Boolean).join('；');
}

/** A whole task: what was asked first (its departments, or its status), then the task and its progress. */
export function taskLines(t: Task, opts: { who?: boolean; progress?: boolean; progressItems?: number; shown?: string[] } = {}): Line[] {
  // A row of a progress table is a task; a numbered item of a plan, with neither status nor progress, a measure.
  const isMeasure = t.number !== null && !t.status && !t.progress.length;
  const name = t.number === null ? t.section : isMeasure ? `第${t.number}条措施` : `第${t.number}项任务`;
  const status: Line = t.status ? [s('进展状态：'), s(t.status, true)] : [s('进展状态：未标注')];
  // A task's first line says how it stands and who leads it: on a phone that is the answer.
  const led = t.lead.length ? [s(` · 牵头：${t.lead.join('、')}`)] : [];
  // Asked its progress, a row that gives it in a few words (80%, 已完工) says it first.
  const brief = opts.progress && t.progress.length === 1 && t.progress[0].length <= 40 ? t.progress[0] : undefined;
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
  else if (t.progress.length) {
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

export function passageLines(p: Passage): Line[] {
  return [[s(`${p.text}。`)], [s([p.region, p.period.label].filter(Boolean).join(' · '))]];
}

export { clip, s as span };
