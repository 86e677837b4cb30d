/**
 * What reading one document gives, and the pieces every format shares: the document's
 * date and year, the year-by-year sections of a work report, the place a title names.
 */
import type { Nature, Period, Problem, Source, Task } from '../types.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Context } from './figures.js';
import { isHeading, readProse, type Paragraph, type LocatedIndicator, type PassageDraft } from './prose.js';
import { findPlaces, isWithin, mostSpecificPlace, placeTitle } from '../text/places.js';
import { findPeriods, label, span } from '../text/period.js';
import type { About, Evidence } from './about.js';

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
  /** `about` is what the operator and the file's name say of the document (about.ts). */
  read(text: string, lines: string[], lex: Lexicon, about: About): { items: SourceRecords[]; problems: Omit<Problem, 'file'>[] };
}

/** 2021年7月19日, 2021-09-08, 2021.9.8 → 2021-07-19; undefined when none. */
export function findDate(text: string): string | undefined {
  const m = text.match(/((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/);
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * The place of a fixed layout's document: the operator's, the one its own words name (in the
 * order given), or its file name's; '' (unknown) when none does — never a default.
 */
export function placeOf(about: About, lex: Lexicon, ...evidence: [Evidence, string][]): { region: string; from?: Evidence } {
  if (about.operator.place) return { region: about.operator.place, from: 'operator' };
  for (const [from, text] of evidence) {
    const place = mostSpecificPlace(text, lex);
    if (place) return { region: place, from };
  }
  if (about.site) return { region: about.site, from: 'header' };
  return about.fileName.place ? { region: about.fileName.place, from: 'file name' } : { region: '' };
}

export function period(p: Omit<Period, 'label'>, text?: string): Period {
  return { ...p, label: text ?? label(p) };
}

const REVIEW = /回顾|过去|成绩|成效|成就|完成情况|执行情况|总结/;
const PLAN = /任务|目标|安排|思路|打算|主要工作|重点工作|计划|草案|建议/;
// A line of its own that titles a part without a number: 过去五年的工作回顾.
const BARE_HEADING = /^[^，,。；;：:、！!？?]{4,24}$/;
// Paragraphs that open with these speak of the five years past, or of one year, until another says otherwise.
const FIVE_YEARS = /^(五年来|过去五年|过去的五年|这五年|近五年)/;
// A paragraph that goes into the details of the one before (具体来看,税收收入…).
const DETAILS = /^(?:具体来看|具体看|具体而言|具体地说|分项看|分项目看|从结构看|从构成看)/;
// An item of a list (1. 教育支出为133.67亿元, （2）…).
const LIST_ITEM = /^\s*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）])/;
const ONE_YEAR = /^(——)?(过去一年|这一年|一年来|今年以来|(?:19|20)\d{2}\s*年\s*[，,是])/;

/** True for a paragraph that titles a part: numbered (一、…), or a short bare line of a report's parts (过去五年的工作回顾). */
export function isPartHeading(text: string): boolean {
  return isHeading(text) || (BARE_HEADING.test(text) && (REVIEW.test(text) || PLAN.test(text) || /五年$/.test(text)));
}

/**
 * The context under a heading: "一、2019年工作回顾" opens the 2019 results, "二、2020年工作
 * 任务" the 2020 targets, 过去五年 and 今后五年 open spans of years (counted from `base.now`),
 * and a heading without such words only names the section.
 */
export function underHeading(ctx: Context, heading: string, title: string): Context {
  // (今年经济社会发展预期目标, 去年主要目标任务圆满完成: the year it was written in, or the one before.)
  const said = /^(?:今年|去年)/.exec(heading) && ctx.now !== undefined ? ctx.now - (heading.startsWith('去年') ? 1 : 0) : undefined;
  const year = heading.match(/((?:19|20)\d{2})\s*年/) ?? (said !== undefined ? [`${said}年`, String(said)] : null);
  let nature: Nature = ctx.nature;
  let per: Period = ctx.period;
  let targets = ctx.targets;
  if (/五年/.test(heading) && year && REVIEW.test(heading) && heading.indexOf(year[0]) < heading.indexOf('五年')) {
    // 一、2021年主要工作和过去五年发展成效: the year's work first; a paragraph opening 五年来 turns to the span.
    nature = 'actual';
    per = period({ kind: 'year', year: Number(year[1]) });
  } else if (/五年/.test(heading)) {
    // 赶超发展的五年 looks back; 今后五年的重点目标 ahead.
    const ahead = !REVIEW.test(heading) && (PLAN.test(heading) || /今后|未来/.test(heading));
    nature = ahead ? 'target' : 'actual';
    per = span(ahead ? '今后五年' : '过去五年', ctx.year, ctx.now) ?? per;
    if (ahead) targets = per;
  } else if (!year && /^(?:[一二三四五六七八九十]+、)?(?:下阶段|下一阶段|下一步|下步|今后一个时期|明年)/.test(heading) && PLAN.test(heading)) {
    // 二、下阶段工作计划: what is to be done, whatever the part before did.
    nature = 'target';
  } else if (year && (REVIEW.test(heading) || PLAN.test(heading))) {
    // (2020年主要工作 in a report of 2021: the work of a year gone by, done.)
    const past = ctx.now !== undefined && Number(year[1]) < ctx.now;
    nature = (REVIEW.test(heading) || past) && !/草案/.test(heading) ? 'actual' : 'target';
    per = period({ kind: 'year', year: Number(year[1]) });
    if (nature === 'target') targets = per;
  }
  const top = /^[一二三四五六七八九十]+、/.test(heading) || !isHeading(heading);
  const section = top || ctx.section === title ? heading : `${ctx.section.split(' › ')[0]} › ${heading}`;
  return { ...ctx, nature, period: per, targets, section, year: per.kind === 'year' ? per.year : per.kind === 'span' ? per.toYear : ctx.year };
}

/**
 * Contexts of paragraphs under their headings (see underHeading). Within a part of results,
 * a paragraph that opens with 五年来 or 过去一年 sets the period of the paragraphs after it.
 */
export function sectionContexts(paras: Paragraph[], base: Context, title: string, lex: Lexicon): Map<Paragraph, Context> {
  const contexts = new Map<Paragraph, Context>();
  let ctx = base;
  let heading = '';
  // The period a paragraph that ends on a colon names (1-9月…地方级税收收入分项目看:): its list's items that name none are of it.
  let intro: Period | undefined;
  // The place a list's item opens with (1、开化县2024年上半年…), and whether the paragraph before was that item.
  let itemPlace: string | undefined;
  for (const p of paras) {
    const opensOn = LIST_ITEM.test(p.text) ? findPlaces(p.text.replace(LIST_ITEM, '').slice(0, 8), lex).find((m) => m.index === 0 && m.region && !m.relative)?.region : undefined;
    // (具体来看,税收收入7.38亿元…全县… after that item: its details, of its place.)
    if (itemPlace && DETAILS.test(p.text) && !findPlaces(p.text, lex).some((m) => m.region && !m.relative)) {
      contexts.set(p, { ...ctx, region: itemPlace });
      continue;
    }
    itemPlace = opensOn && (!base.region || isWithin(lex, opensOn, base.region)) ? opensOn : undefined;
    // (比上年同期 is what a figure is compared with, not its period.)
    if (intro && LIST_ITEM.test(p.text) && !findPeriods(p.text.replace(/(?:比|较|与)(?:上年|去年|上一年)(?:同期)?/g, '')).length) {
      contexts.set(p, { ...ctx, period: intro });
      continue;
    }
    intro = /[：:]$/.test(p.text.trim()) ? findPeriods(p.text, ctx.year).find((m) => m.period.to !== undefined && m.period.year !== undefined)?.period : undefined;
    const part = placeHeading(p.text, base.region, lex);
    if (part) {
      ctx = { ...ctx, region: part, section: p.text.trim() };
      contexts.set(p, ctx);
      heading = '';
      continue;
    }
    // 一、“十三五”发展回顾 / 和2020年主要工作: a heading broken over two lines is read whole.
    const continued = heading && /^[和及与]/.test(p.text) && isPartHeading(p.text);
    if (isPartHeading(p.text)) {
      heading = continued ? `${heading}${p.text}` : p.text;
      ctx = underHeading({ ...ctx, year: base.year, region: base.region }, heading, title);
    } else heading = '';
    if (heading) {
      contexts.set(p, ctx);
      continue;
    }
    if (ctx.nature === 'actual' && FIVE_YEARS.test(p.text)) {
      const five = span('过去五年', base.year, base.now);
      if (five) ctx = { ...ctx, period: five, year: five.toYear };
    } else if (ctx.nature === 'actual' && ctx.period.kind === 'span' && ONE_YEAR.test(p.text)) {
      ctx = { ...ctx, period: base.period, year: base.year };
    }
    contexts.set(p, ctx);
  }
  return contexts;
}

/**
 * A line that is only the name of a place inside the document's (独山港镇 over the paragraphs on
 * it, in a page on three towns of 平湖): the place its part is of, so 全镇 there is that town.
 */
function placeHeading(text: string, own: string, lex: Lexicon): string | undefined {
  const name = placeTitle(text);
  const place = name ? findPlaces(name, lex).find((p) => p.text === name && p.region && !p.relative)?.region : undefined;
  return place && place !== own && (!own || isWithin(lex, place, own)) ? place : undefined;
}

/**
 * Contexts of a work report's paragraphs, given the year it was made in: results are the
 * year before's, targets (wherever they stand) the report's own year's.
 */
export function reportContexts(paras: Paragraph[], docYear: number | undefined, region: string, title: string, lex: Lexicon): Map<Paragraph, Context> {
  const results = docYear ? period({ kind: 'year', year: docYear - 1 }) : period({ kind: 'none' });
  const targets = docYear ? period({ kind: 'year', year: docYear }) : undefined;
  return sectionContexts(paras, { region, year: docYear ? docYear - 1 : undefined, period: results, nature: 'actual', section: title, targets, now: docYear }, title, lex);
}

/** Indicators and passages of a work report's paragraphs, by their year sections. */
export function readReport(paras: Paragraph[], docYear: number | undefined, region: string, title: string, lex: Lexicon) {
  const contexts = reportContexts(paras, docYear, region, title, lex);
  return readProse(paras, (p) => contexts.get(p)!, lex);
}
