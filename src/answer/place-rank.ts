/**
 * 哪个县规上工业增加值增速最快: every county's figure of one period and unit, in order, the first
 * leading, with a chart of them beside the city's own figure. `one` answers one county's part.
 */
import type { Answer, Indicator, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from '../question/query.js';
import { HOME, isChange } from '../question/match.js';
import { eachPlace, rankValue } from '../question/parts.js';
import { periodKey } from '../text/period.js';
import { placeChart, type PlaceValue } from './chart.js';
import { makeAnswer, span } from './compose.js';

/** What is compared, in a chart's words: 生产总值增速 when the change of a level is asked. */
export function metricName(r: Indicator, q: Query): string {
  return q.intent === 'growth' && !isChange(r) ? `${r.name}增速` : r.name;
}

/** The home city's figure of the query's metric and period, as ranked, when the reports give it. */
export function homeValue(k: Knowledge, q: Query, period: Indicator['period'], one: (part: Query) => Answer): PlaceValue | undefined {
  const a = one(makeQuery({ ...q, eachPlace: false, placeRank: undefined, places: [], parts: undefined, period }));
  const r = k.byId.get(a.records[0]?.id ?? '');
  if (a.kind !== 'indicator' || r?.type !== 'indicator' || r.region !== HOME || r.nature !== 'actual' || r.period.label !== period.label) return undefined;
  const v = rankValue(r, q);
  return v && { place: r.region, ...v, record: r };
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
 * With no period asked, the period most counties have a figure for (the latest of equals).
 * Fewer than two counties, or figures in different units, rank nothing.
 */
export function answerPlaceRank(k: Knowledge, q: Query, one: (part: Query) => Answer): Answer {
  const first = figuresOf(k, q, one);
  const periods = q.period ? [] : [...new Map(first.map((x) => [x.record.period.label, x.record.period])).values()];
  const tries = (periods.length ? periods.map((period) => figuresOf(k, makeQuery({ ...q, period }), one).filter((x) => x.record.period.label === period.label)) : [first]).filter((t) => t.length);
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
