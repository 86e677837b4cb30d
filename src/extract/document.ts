/**
 * What reading one document gives, and the pieces every format shares: the document's
 * date and year, the year-by-year sections of a work report, the place a title names.
 */
import type { Nature, Period, Problem, Source, Task } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Context } from './figures.js';
import { isHeading, readProse, type Paragraph, type LocatedIndicator, type PassageDraft } from './prose.js';
import { findPlaces } from '../text/places.js';
import { label } from '../text/period.js';

export type SourceDraft = Omit<Source, 'id' | 'file'> & { key: string };
export type TaskDraft = Omit<Task, 'id' | 'source'>;

/** Records of one source (a file, or one item of a page that holds several). */
export interface SourceRecords {
  source: SourceDraft;
  tasks: TaskDraft[];
  indicators: LocatedIndicator[];
  passages: PassageDraft[];
}

export interface DocumentRecords {
  items: SourceRecords[];
  problems: Problem[];
}

export interface Format {
  name: string;
  /** True when the text looks like this format. */
  detect(text: string): boolean;
  read(text: string, lines: string[], lex: Lexicon): { items: SourceRecords[]; problems: Omit<Problem, 'file'>[] };
}

/** 2021年7月19日, 2021-09-08, 2021.9.8 → 2021-07-19; undefined when none. */
export function findDate(text: string): string | undefined {
  const m = text.match(/((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/);
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** The most specific Jiaxing place a text (a title) names, or the fallback. */
export function placeOf(text: string, lex: Lexicon, fallback = '嘉兴市'): string {
  const order = { city: 0, county: 1, town: 2, village: 3 };
  let best: string | undefined;
  for (const m of findPlaces(text, lex)) {
    if (!m.region) continue;
    const r = lex.regionByName.get(m.region)!;
    if (!best || order[r.level] > order[lex.regionByName.get(best)!.level]) best = m.region;
  }
  return best ?? fallback;
}

export function period(p: Omit<Period, 'label'>, text?: string): Period {
  return { ...p, label: text ?? label(p) };
}

const REVIEW = /回顾|过去|成绩|成效|完成情况/;
const PLAN = /任务|目标|安排|思路|打算|主要工作|重点工作/;

/**
 * Contexts of a work report's paragraphs: "一、2019年工作回顾" opens the 2019 results,
 * "二、2020年工作任务" the 2020 targets; 过去五年 and 今后五年 are spans, not years.
 */
export function reportContexts(paras: Paragraph[], docYear: number | undefined, region: string, title: string): Map<Paragraph, Context> {
  const contexts = new Map<Paragraph, Context>();
  let ctx: Context = {
    region,
    year: docYear,
    period: docYear ? period({ kind: 'year', year: docYear - 1 }) : period({ kind: 'none' }),
    nature: 'actual',
    section: title,
  };
  for (const p of paras) {
    if (isHeading(p.text)) {
      const year = p.text.match(/((?:19|20)\d{2})年/);
      let nature: Nature = ctx.nature;
      let per: Period = ctx.period;
      if (/五年/.test(p.text)) {
        nature = REVIEW.test(p.text) ? 'actual' : 'target';
        per = period({ kind: 'none', year: docYear }, REVIEW.test(p.text) ? '过去五年' : '今后五年');
      } else if (year && (REVIEW.test(p.text) || PLAN.test(p.text))) {
        nature = REVIEW.test(p.text) ? 'actual' : 'target';
        per = period({ kind: 'year', year: Number(year[1]) });
      }
      const top = /^[一二三四五六七八九十]+、/.test(p.text);
      ctx = { ...ctx, nature, period: per, section: top || ctx.section === title ? p.text : `${ctx.section.split(' › ')[0]} › ${p.text}` };
    }
    contexts.set(p, { ...ctx, year: ctx.period.kind === 'year' ? ctx.period.year : docYear });
  }
  return contexts;
}

/** Indicators and passages of a work report's paragraphs, by their year sections. */
export function readReport(paras: Paragraph[], docYear: number | undefined, region: string, title: string, lex: Lexicon) {
  const contexts = reportContexts(paras, docYear, region, title);
  return readProse(paras, (p) => contexts.get(p)!, lex);
}
