/**
 * Answers as a reader on a phone sees them: the figure first, then what it is (place,
 * period, metric), the sentence it comes from, and the source with its date last. The
 * pieces every composer of src/answer/ uses: an Answer from lines and records, a figure's
 * lines, a quoted sentence.
 */
import type { Answer, AnswerKind, Indicator, KnowledgeRecord, Line, Source, Span } from '../types.js';
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

/** The growth as written; of the basis asked (今年以来, 环比) only that one, when the figure has it. */
export function growthText(ind: Indicator, basis?: string): string {
  // (No basis asked: the change over the year before, not an average over years beside it — 下降4.1%, not 两年平均增长2.5%;
  // nor how the rate moved since another part of the year — 同比增长4.1%, not 比1-5月提升2.6%.)
  const primary = ind.growth.filter((g) => !/平均|年均/.test(g.basis) && !sinceAnotherPeriod(g));
  const asked = basis ? ind.growth.filter((g) => g.basis === basis) : primary.length ? primary : [];
  // (The rate before a change of the rate: 同比增长40.3% before 加快10.0个百分点.)
  const points = (g: Indicator['growth'][number]) => Number(/百分点/.test(g.unit));
  const growth = [...(asked.length ? asked : ind.growth)].sort((a, b) => points(a) - points(b));
  // (Said with what it is set against, where the words alone do not say it: 比1-3月提高4.4个百分点.)
  return growth.map((g) => `${sinceAnotherPeriod(g) && !g.text.includes(g.basis) ? `比${g.basis}` : ''}${g.text.replace(/^[，,、]/, '')}`).join('，');
}

/** A change set against another part of the year (比1—5月提升2.6%, 比一季度提高4.4个百分点), not against a year before. */
function sinceAnotherPeriod(g: Indicator['growth'][number]): boolean {
  return /^(?:\d{1,2}(?:-\d{1,2})?月|[一二三四]季度|上半年|前三季度)$/.test(g.basis);
}

/** 一般公共预算收入 · 嘉兴市 · 2021年6月 (目标); whose it is when not the place's (嘉兴市（南湖实验室）) and its reckoning (不含嘉兴港区). */
export function indicatorLabel(ind: Indicator): string {
  const what = ind.subject && !ind.name.includes(ind.subject) ? `${ind.subject}${ind.name}` : ind.name;
  const owner = ind.owner && !what.includes(ind.owner) ? `（${ind.owner}）` : '';
  // 1-9月 of a report whose year nothing says: said so, never passed off as this year's.
  // (全年 of a yearbook entry that names no year, likewise.)
  const yearUnknown = ind.period.year === undefined && ['year', 'month', 'range', 'asof', 'day'].includes(ind.period.kind) ? '（年份不明）' : '';
  const when = ind.period.label || (ind.period.kind === 'none' && ind.period.year === undefined && !ind.placeless ? '年份不明' : '');
  return [what, ind.placeless ? '' : `${ind.region}${owner}`, `${when}${yearUnknown}`, ind.scope ?? '', ind.nature === 'target' ? '目标' : ''].filter(Boolean).join(' · ');
}

/** The figure as the sentence qualifies it: 近70万亩, 约1亿元, 超1400万人次. */
export function qualifiedFigure(ind: Indicator): string {
  const at = ind.sentence.indexOf(ind.figure);
  const before = at > 0 ? ind.sentence.slice(Math.max(0, at - 2), at) : '';
  // (突破1万亿元 says a level passed, not the figure: said so.)
  const hedge = before.match(/(?:近|约|超过|超|逾|达近|不足|不到|突破)$/)?.[0];
  return hedge && !ind.figure.startsWith(hedge) ? `${hedge}${ind.figure}` : ind.figure;
}

/** The line that leads an indicator answer: the figure in bold, then its growth. */
export function figureLine(ind: Indicator, changeFirst = false, basis?: string): Line {
  const growth = growthText(ind, basis);
  // A rate whose only other words are a gap to another (快于规上工业10.0个百分点): the rate first.
  // (A rate's own change in points, 回升0.4个(百分点), or a pull it gives, is no rate of it: the rate first.)
  const ofRate = (basis ? ind.growth.filter((g) => g.basis === basis) : ind.growth)[0];
  if (ind.isChange) return boldNumbers(growth && !/百分点/.test(growth.split('，')[0]) && ofRate?.unit === '%' ? growth : [ind.figure, growth].filter(Boolean).join('，'));
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

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export { clip, s as span };
