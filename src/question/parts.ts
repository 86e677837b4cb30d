/**
 * Several questions in one, as the parts are asked: every county of the city (各县（市、区）GDP),
 * the other wordings a part may mean when it answers nothing as written (城镇和农村居民收入:
 * 城镇 means 城镇居民收入), and a county's figure as ranked. src/answer/list.ts and
 * place-rank.ts answer them.
 */
import type { Indicator } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { isChange } from './match.js';
import { splitParts } from './split.js';
import { partText } from './parse.js';
import { qualifiersOf, readMetric } from './metric.js';

/** 各县（市、区）GDP: the question asked of every county of the city, as parts. */
export function eachPlace(k: Knowledge, q: Query): Query {
  const counties = k.lex.regions.regions.filter((r) => r.level === 'county');
  const parts = counties.map((r) => makeQuery({ ...q, eachPlace: false, placeRank: undefined, places: [{ region: r.name, text: r.name }], parts: undefined }));
  return makeQuery({ ...q, eachPlace: false, parts });
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** What a metric ends in, from each word on, longest first: 保险参保率, 参保率 of 医疗保险参保率. */
function wordTails(metric: string): string[] {
  const starts = [...WORDS.segment(metric)].map((x) => x.index).filter((i) => i > 0);
  return starts.map((i) => metric.slice(i));
}

/** The topic a part opens with, before what was done of it: 百年百项 of 百年百项已开工. */
function topicOf(first: string): string | undefined {
  return first.match(/^(.{2,}?)(?:已|新增|新建|累计|完成|实现)/)?.[1];
}

/** A part's words without its places. */
export const partWords = (p: Query) => p.places.reduce((m, place) => m.split(place.text).join(''), p.metric.replace(/\s+/g, ''));

/** What a part that answers nothing as written may mean, to try in order: the first that answers stands. */
export function alternatives(part: Query, parts: Query[]): Query[] {
  const last = partWords(parts[parts.length - 1]);
  const out: Query[] = [];
  // 城镇和农村居民收入: a part parallel to the last one's start means the rest of it too;
  // 战略性新兴产业和高新技术产业增加值占比: so does one ending where the last one's start ends.
  const short = partWords(part);
  const joint = last.indexOf(short.slice(-2));
  const rest = short.length <= 3 ? last.slice(short.length) : joint >= 0 ? last.slice(joint + 2) : '';
  if (part !== parts[parts.length - 1]) {
    // 户籍人员养老和医疗保险参保率: else what the last part ends in, word by word (保险参保率, 参保率).
    // (Only where the part lacks what the last one ends in: 南湖实验室引进科研人员 has it already.)
    const ends = short.slice(-2) === last.slice(-2);
    for (const tail of [rest, ...(ends ? [] : wordTails(last))]) {
      if (tail.length < 2 || tail === last) continue;
      out.push(makeQuery({ ...part, metric: `${short}${tail}` }));
    }
  }
  // 百年百项已开工和累计竣工: a later part is of the topic the first one opens with.
  const topic = part !== parts[0] ? topicOf(partWords(parts[0])) : undefined;
  if (topic && !short.startsWith(topic)) out.push(makeQuery({ ...part, metric: `${topic}${short}` }));
  return out;
}

/** A county's figure as ranked: the change when a change is asked, else the level, with its unit. */
export function rankValue(r: Indicator, q: Query): { value: number; unit: string; text: string } | undefined {
  if (q.intent === 'growth') {
    if (isChange(r)) return r.value === null ? undefined : { value: r.value, unit: r.unit, text: r.figure };
    const g = r.growth.find((x) => !q.basis || x.basis === q.basis);
    return g && { value: g.value, unit: g.unit, text: g.text };
  }
  if (isChange(r) || r.value === null) return undefined;
  return { value: r.value, unit: r.unit, text: r.figure };
}

/**
 * 上半年工业用电量和税收: metrics joined by 和 (without 分别) as parts, when each names what is
 * measured (用电量, 税收, an alias such as 财政收入) — a subject alone (南湖实验室) would take any
 * figure said of it; undefined when the metric is no such join (百年百项 is no two parts).
 */
export function joinedParts(k: Knowledge, q: Query): Query[] | undefined {
  // (头部企业和大项目合计多少个: one total of them, asked; not each.)
  if (/合计|共计|总共|一共|总计|加起来/.test(q.text)) return undefined;
  const metrics = /和|与|及|、/.test(q.metric) ? splitParts(q.metric, k.lex.metrics.heads) : undefined;
  const measures = (m: string) => Boolean(readMetric(m, k.lex).head) || k.lex.aliasGroups.some((g) => g.some((a) => m.includes(a)));
  if (!metrics || !metrics.every(measures)) return undefined;
  return metrics.map((metric, i) => makeQuery({ ...q, text: partText(q.text, metrics, i), metric, qualifiers: qualifiersOf(metric, k.lex), parts: undefined }));
}
