/**
 * Several questions in one (A和B分别是多少, A、B、C各多少): one line per part with its figure,
 * period and region; a part the reports lack says so while the others are answered; the
 * sources once at the end.
 */
import type { Answer, AskOptions, Indicator, KnowledgeRecord, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from './query.js';
import { clip, makeAnswer, span } from '../answer/compose.js';
import { placeChart, type PlaceValue } from '../answer/chart.js';
import { HOME, isChange } from './match.js';
import { periodKey } from '../text/period.js';

/** 各县（市、区）GDP: the question asked of every county of the city, as parts. */
export function eachPlace(k: Knowledge, q: Query): Query {
  const counties = k.lex.regions.regions.filter((r) => r.level === 'county');
  const parts = counties.map((r) => ({ ...q, eachPlace: false, placeRank: undefined, places: [{ region: r.name, text: r.name }], parts: undefined }));
  return { ...q, eachPlace: false, parts };
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

export function answerParts(k: Knowledge, q: Query, options: AskOptions, one: (part: Query) => Answer): Answer {
  void options;
  const lines: Line[] = [];
  const records: KnowledgeRecord[] = [];
  let answered = 0;
  // Asked of every county, the counties without the figure are counted, not listed.
  const byPlace = (q.parts ?? []).every((p) => p.metric === q.parts![0].metric);
  const lacking: string[] = [];
  // Each county's figure, for a chart of them.
  const compared: PlaceValue[] = [];
  const parts = q.parts ?? [];
  const words = (p: Query) => p.places.reduce((m, place) => m.split(place.text).join(''), p.metric.replace(/\s+/g, ''));
  const last = parts.length ? words(parts[parts.length - 1]) : '';
  for (const part of parts) {
    let a = one(part);
    // 城镇和农村居民收入: a part parallel to the last one's start means the rest of it too;
    // 战略性新兴产业和高新技术产业增加值占比: so does one ending where the last one's start ends.
    const short = words(part);
    const joint = last.indexOf(short.slice(-2));
    const rest = short.length <= 3 ? last.slice(short.length) : joint >= 0 ? last.slice(joint + 2) : '';
    if (a.kind === 'none' && part !== parts[parts.length - 1]) {
      // 户籍人员养老和医疗保险参保率: else what the last part ends in, word by word (保险参保率, 参保率).
      // (Only where the part lacks what the last one ends in: 南湖实验室引进科研人员 has it already.)
      const ends = short.slice(-2) === last.slice(-2);
      for (const tail of [rest, ...(ends ? [] : wordTails(last))]) {
        if (tail.length < 2 || tail === last) continue;
        const retry = one({ ...part, metric: `${short}${tail}` });
        if (retry.kind !== 'none') {
          a = retry;
          break;
        }
      }
    }
    // 百年百项已开工和累计竣工: a later part is of the topic the first one opens with.
    const topic = part !== parts[0] ? topicOf(words(parts[0])) : undefined;
    if (a.kind === 'none' && topic && !short.startsWith(topic)) {
      const retry = one({ ...part, metric: `${topic}${short}` });
      if (retry.kind !== 'none') a = retry;
    }
    const name = part.metric.replace(/\s+/g, '');
    if (a.kind === 'none') {
      if (byPlace) lacking.push(part.places[0]?.text ?? '');
      else lines.push([span(`· ${name}：报告中没有这项数据`)]);
      continue;
    }
    answered++;
    const figureOf = k.byId.get(a.records[0]?.id ?? '');
    const v = byPlace && a.kind === 'indicator' && figureOf?.type === 'indicator' ? rankValue(figureOf, part) : undefined;
    if (v && figureOf?.type === 'indicator' && figureOf.region === part.places[0]?.region) compared.push({ place: figureOf.region, ...v, record: figureOf });
    // The answer's first two lines: the figure, then what it is (label · region · period).
    const [figure, label] = a.lines;
    // A short, general name (完成投资) says little of what was counted: the sentence's opening does.
    const lead = k.byId.get(a.records[0]?.id ?? '');
    const about = lead?.type === 'indicator' && lead.name.length <= 6 && !lead.subject ? `（${clip(lead.sentence, 18)}）` : '';
    lines.push([span(`· ${label?.map((x) => x.text).join('') ?? name}：`), ...(figure ?? []), ...(about ? [span(about)] : [])]);
    for (const r of a.records) {
      const record = k.byId.get(r.id);
      if (record && !records.includes(record)) records.push(record);
    }
  }
  if (!answered) return makeAnswer(k, q.text, 'none', [[span(byPlace ? '报告中没有各县（市、区）的这项数据。' : '报告中没有这几项数据。')], ...lines], [], { query: q });
  if (lacking.length) lines.push([span(`（${lacking.join('、')}：报告中没有）`)]);
  const head = byPlace ? `各县（市、区）共${answered}个有数据：` : `共${q.parts!.length}项：`;
  // 各县GDP asks every county (eachPlace); 海宁、桐乡、嘉善GDP分别 names its own.
  const every = parts.length === k.lex.regions.regions.filter((r) => r.level === 'county').length;
  const chart = byPlace && compared.length === answered ? placeChart(k, metricName(compared[0].record, q), compared, homeValue(k, q, compared[0].record.period, one), every) : undefined;
  return makeAnswer(k, q.text, 'list', [[span(head)], ...lines], records, { query: q, ...(chart ? { chart } : {}) });
}

/** What is compared, in a chart's words: 生产总值增速 when the change of a level is asked. */
function metricName(r: Indicator, q: Query): string {
  return q.intent === 'growth' && !isChange(r) ? `${r.name}增速` : r.name;
}

/** The home city's figure of the query's metric and period, as ranked, when the reports give it. */
function homeValue(k: Knowledge, q: Query, period: Indicator['period'], one: (part: Query) => Answer): PlaceValue | undefined {
  const a = one({ ...q, eachPlace: false, placeRank: undefined, places: [], parts: undefined, period });
  const r = k.byId.get(a.records[0]?.id ?? '');
  if (a.kind !== 'indicator' || r?.type !== 'indicator' || r.region !== HOME || r.nature !== 'actual' || r.period.label !== period.label) return undefined;
  const v = rankValue(r, q);
  return v && { place: r.region, ...v, record: r };
}

/** A county's figure as ranked: the change when a change is asked, else the level, with its unit. */
function rankValue(r: Indicator, q: Query): { value: number; unit: string; text: string } | undefined {
  if (q.intent === 'growth') {
    if (isChange(r)) return r.value === null ? undefined : { value: r.value, unit: r.unit, text: r.figure };
    const g = r.growth.find((x) => !q.basis || x.basis === q.basis);
    return g && { value: g.value, unit: g.unit, text: g.text };
  }
  if (isChange(r) || r.value === null) return undefined;
  return { value: r.value, unit: r.unit, text: r.figure };
}

interface Ranked {
  place: string;
  value: number;
  unit: string;
  text: string;
  label: Line;
  record: Indicator;
}

/** Each county's result for the query, as ranked. */
function figuresOf(k: Knowledge, q: Query, one: (part: Query) => Answer): Ranked[] {
  const found: Ranked[] = [];
  for (const part of eachPlace(k, q).parts ?? []) {
    const a = one(part);
    const r = k.byId.get(a.records[0]?.id ?? '');
    // Results only: a target (7%以上) is no place's figure to rank.
    if (a.kind !== 'indicator' || r?.type !== 'indicator' || r.region !== part.places[0].region || r.nature !== 'actual') continue;
    const v = rankValue(r, q);
    if (v) found.push({ place: r.region, ...v, label: a.lines[1] ?? [], record: r });
  }
  return found;
}

/**
 * 哪个县规上工业增加值增速最快: every county's figure of one period and unit, in order, the
 * first leading. With no period asked, the period most counties have a figure for (the latest
 * of equals). Fewer than two counties, or figures in different units, rank nothing.
 */
export function answerPlaceRank(k: Knowledge, q: Query, one: (part: Query) => Answer): Answer {
  const first = figuresOf(k, q, one);
  const periods = q.period ? [] : [...new Map(first.map((x) => [x.record.period.label, x.record.period])).values()];
  const tries = (periods.length ? periods.map((period) => figuresOf(k, { ...q, period }, one).filter((x) => x.record.period.label === period.label)) : [first]).filter((t) => t.length);
  const ranked = tries.sort((a, b) => b.length - a.length || periodKey(b[0].record.period) - periodKey(a[0].record.period))[0] ?? [];
  const units = new Set(ranked.map((x) => x.unit));
  if (ranked.length < 2 || units.size > 1) {
    const why = ranked.length < 2 ? `报告中${ranked.length ? `只有${ranked[0].place}` : '没有各县（市、区）'}同一时期的这项数据，无法比较。` : '各县（市、区）的这项数据单位不同，无法比较。';
    return makeAnswer(k, q.text, 'none', [[span(why)]], [], { query: q });
  }
  ranked.sort((a, b) => (q.placeRank === 'low' ? a.value - b.value : b.value - a.value));
  const words = q.placeRank === 'low' ? k.lex.lexicon.placeRankWords.low : k.lex.lexicon.placeRankWords.high;
  const word = words.find((w) => q.text.includes(w)) ?? (q.placeRank === 'low' ? '最低' : '最高');
  const top = ranked[0];
  const lines: Line[] = [
    [span(`${word}的是${top.place}：`), span(top.text, true)],
    top.label,
    [span(`${top.record.period.label}各县（市、区）共${ranked.length}个有数据，依次为：`)],
    ...ranked.map((x, i) => [span(`${i + 1}. ${x.place} ${x.text}`)]),
  ];
  const chart = placeChart(k, metricName(top.record, q), ranked, homeValue(k, q, top.record.period, one), true);
  return makeAnswer(k, q.text, 'list', lines, ranked.map((x) => x.record), { query: q, ...(chart ? { chart } : {}) });
}
