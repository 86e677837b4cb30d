/**
 * Several questions in one (A和B分别是多少, A、B、C各多少, 各县GDP): one line per part with its
 * figure, period and region; a part the reports lack says so while the others are answered
 * (counties without the figure are counted, not listed); the sources once at the end; counties
 * compared get a chart. `one` answers one part briefly.
 */
import type { Answer, KnowledgeRecord, Line } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Query } from '../question/query.js';
import { alternatives, rankValue } from '../question/parts.js';
import { placeChart, type PlaceValue } from './chart.js';
import { clip, makeAnswer, span } from './compose.js';
import { homeValue, metricName } from './place-rank.js';

export function answerParts(k: Knowledge, q: Query, one: (part: Query) => Answer): Answer {
  const lines: Line[] = [];
  const records: KnowledgeRecord[] = [];
  let answered = 0;
  // Asked of every county, the counties without the figure are counted, not listed.
  const byPlace = (q.parts ?? []).every((p) => p.metric === q.parts![0].metric);
  const lacking: string[] = [];
  // Each part's name as asked and its figure, for a first line that answers two or three at once.
  const brief: Line = [];
  // Each county's figure, for a chart of them.
  const compared: PlaceValue[] = [];
  const parts = q.parts ?? [];
  for (const part of parts) {
    let a = one(part);
    // What the part may mean besides what it says, while it answers nothing.
    if (a.kind === 'none') {
      for (const alt of alternatives(part, parts)) {
        const retry = one(alt);
        if (retry.kind !== 'none') {
          a = retry;
          break;
        }
      }
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
    const asked = part.places.reduce((m, p) => m.split(p.text).join(''), name);
    brief.push(span(`${brief.length ? '；' : ''}${asked}`), ...(figure ?? []));
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
  // (存贷款余额: 存款余额12057.34亿元；贷款余额11680.96亿元 — what was asked first, each part said after.)
  const first: Line = !byPlace && answered === parts.length && parts.length <= 3 ? brief : [span(head)];
  return makeAnswer(k, q.text, 'list', [first, ...lines], records, { query: q, ...(chart ? { chart } : {}) });
}
