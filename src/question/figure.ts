/**
 * What a figure question finds (findFigure): the records it matches as asked, else — for a
 * relative period (今年, 去年, 上月) the reports do not reach — the latest of the same kind of
 * period, said so; 1至6月累计 as 1-6月; the same metric at other times and close runners-up
 * beside the figure; or the sentence that says it; or why the question names no figure.
 * src/answer/figure.ts and statement.ts word it.
 */
import type { Indicator, KnowledgeRecord, Passage, Period, Task } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { makeQuery, type Query } from './query.js';
import { match, misfit, periodFits, type Candidate, type Matches } from './match.js';
import { periodKey } from '../text/period.js';
import { RANK_ASKED, saidInClause, sentenceBefore, statementFound } from './clauses.js';
import { besideFigure, genericWord } from './generic.js';
import { asksAmount, setsLevel } from './level.js';
import { fold } from '../text/normalize.js';
import { sentenceMates } from './sentences.js';

/** Relative periods (今年, 去年, 上月) that fall back to the latest the reports hold. */
const RELATIVE = new Set(['this-year', 'last-year', 'this-month', 'last-month']);

/** A figure's query matched, falling back from a relative period to the latest the reports hold (`fallback` says so). */
function matchLatest(k: Knowledge, q: Query, found?: Matches): { m: Matches; fallback?: string } {
  // A figure is asked of indicators; a target may also be set in words (与经济增长基本同步). A
  // sentence that merely holds the words (流动人口 for 人口) is no figure; a whole task answers
  // other questions.
  const figure = q.intent === 'value' || q.intent === 'growth';
  const types: KnowledgeRecord['type'][] | undefined = figure ? (q.nature === 'target' ? ['indicator', 'passage'] : ['indicator']) : undefined;
  const m = found ?? match(k, q, types);
  // (去年以来 counts from a year on: an older year's figure is not it.)
  if (m.answers.length || !q.relative || !RELATIVE.has(q.relative) || !q.period || q.period.kind === 'since' || /以来/.test(q.text)) return { m: preferSaid(q, m) };
  const { year: _year, label: _label, ...rest } = q.period;
  void _year;
  void _label;
  const loose: Query = makeQuery({ ...q, period: rest.kind === 'year' ? undefined : { ...rest, label: '' } });
  const m2 = match(k, loose, types);
  // The latest of the same kind of period: 去年用电量 is a year's, never June's.
  // (上月: the latest month, whichever it is; 今年已经完成: the year so far, from January.)
  const soFar = (p: Period) => p.kind === 'year' || p.kind === 'asof' || p.kind === 'since' || (p.kind === 'range' && p.from === 1);
  const sameKind = (c: Candidate) =>
    c.record.type !== 'task' &&
    (q.period!.kind === 'month' ? c.record.period.kind === 'month' : q.relative === 'this-year' ? soFar(c.record.period) : periodFits({ ...q.period!, year: c.record.period.year }, c.record.period));
  const found2 = m2.answers.find(sameKind);
  const best = found2?.record;
  if (!best || best.type === 'task') return { m };
  const asked = q.period.year ?? 0;
  if ((best.period.year ?? 0) >= asked) return { m };
  return { m: preferSaid(q, { ...m2, answers: [found2!, ...m2.answers.filter((c) => c !== found2 && sameKind(c))] }), fallback: `报告中最新为${best.period.label}：` };
}

/**
 * 1至6月累计: 累计 says again what a period from January says. Where no figure is named with it,
 * the figures of the period without the word answer (undefined: match as asked).
 */
function sinceJanuary(k: Knowledge, q: Query): Matches | undefined {
  const p = q.period;
  const words = k.lex.lexicon.sinceJanuary.words.filter((w) => q.metric.includes(w));
  if (!words.length || p?.kind !== 'range' || p.from !== 1) return undefined;
  const asked = match(k, q, ['indicator']);
  if (asked.answers.length) return undefined;
  const metric = words.reduce((m, w) => m.split(w).join(' '), q.metric).replace(/\s+/g, ' ').trim();
  if (!metric) return undefined;
  const plain = match(k, makeQuery({ ...q, metric, qualifiers: q.qualifiers.filter((x) => !words.includes(x)) }), ['indicator']);
  return plain.answers.length ? plain : undefined;
}

/** Beside a figure: the same metric at other periods (when the question named none), newest first, then close runners-up naming another metric (用电量 → 全社会用电量 and 工业用电量); four at most. */
function relatedFigures(k: Knowledge, q: Query, best: Indicator, rest: Candidate[]): Indicator[] {
  const shown = new Set([best.id]);
  const related: Indicator[] = [];
  // (Of the same owner: 南湖实验室's 总投资 at other times, never another project's.)
  const sameName = (x: Indicator) => x.name === best.name && x.region === best.region && (x.owner ?? '') === (best.owner ?? '') && x.subject === best.subject;
  if (!q.period) {
    for (const x of k.byName.get(best.name.toLowerCase()) ?? []) {
      if (shown.has(x.id) || !sameName(x) || misfit(k, q, x) || x.nature !== best.nature) continue;
      if (related.some((r) => r.period.label === x.period.label && r.figure === x.figure)) continue;
      related.push(x);
    }
    related.sort((a, b) => periodKey(b.period) - periodKey(a.period));
  }
  // (Named so: a runner-up whose sentence alone holds the words, 失信…措施 of 失信约束措施进行全面清理, is another thing.)
  const strong = rest.filter((c) => c.record.type === 'indicator' && c.score >= rest[0]?.score - 0.35 && c.coverage >= 0.99 && c.nameCoverage >= 0.99);
  for (const c of strong) {
    const x = c.record as Indicator;
    if (related.length >= 4) break;
    if (shown.has(x.id) || related.some((r) => r.id === x.id) || sameName(x) || x.sentence === best.sentence) continue;
    related.push(x);
  }
  return related.slice(0, 4);
}

/**
 * The same figure as another report gives it otherwise: one metric, place, period and kind, a
 * different value — both are shown, each with its source, never one silently for the other.
 */
function otherReports(best: Indicator, rest: Candidate[]): Indicator[] {
  const same = (x: Indicator) =>
    fold(x.name) === fold(best.name) && x.region === best.region && (x.owner ?? '') === (best.owner ?? '') && x.period.label === best.period.label && x.nature === best.nature && (x.scope ?? '') === (best.scope ?? '');
  return rest
    .map((c) => c.record)
    .filter((x): x is Indicator => x.type === 'indicator' && x.source !== best.source && x.value !== null && x.value !== best.value && same(x))
    .slice(0, 2);
}

/**
 * 力争多少 of 确保28亿美元、力争30亿美元: among the answers, the one its own words set so
 * (力争, 确保) comes first when the question says which.
 */
function preferSaid(q: Query, m: Matches): Matches {
  const word = ['力争', '确保', '争取'].find((w) => q.text.includes(w));
  if (!word || m.answers.length < 2) return m;
  // (争取 and 力争 are one reach beyond what is 确保.)
  const words = word === '确保' ? [word] : ['力争', '争取'];
  const says = (c: Candidate) => c.record.type === 'indicator' && (() => {
    const x = c.record as Indicator;
    const at = x.sentence.indexOf(x.figure);
    const before = x.sentence.slice(Math.max(0, at - 8), at);
    return at >= 0 && words.some((w) => before.includes(w));
  })();
  return { ...m, answers: [...m.answers.filter(says), ...m.answers.filter((c) => !says(c))] };
}

/** What a figure question found, by the answer it gets. */
export type FigureFound =
  /** No metric asked (6月全市是多少), only a head (总额多少), or only a generic word with nothing before it to be of (完成多少). */
  | { kind: 'unclear'; why: 'metric' | 'head' | 'generic'; word?: string }
  /** A figure: the one asked, the same metric at other times and runners-up beside it (not when brief), the sentence before its own that says what was asked. */
  | { kind: 'indicator'; best: Indicator; rest: Candidate[]; fallback?: string; related: Indicator[]; before?: { sentence: string; words: string }; otherReports?: Indicator[] }
  /** A sentence: a ranking, words no figure's name has, a statement, or a clause that says it without a figure. */
  | ({ kind: 'statement'; best: Indicator | Passage | Task; rest: Candidate[]; fallback?: string } & ReturnType<typeof statementFound>)
  | { kind: 'task'; task: Task }
  | { kind: 'none'; nearby: Candidate[] };

const RANK_SAID = /第[一二三四五六七八九十\d]|首位|前列|榜首|领先|位居|位列|排名|排在|居[^，,。；;]{0,8}(?:首|前|先)|冠军|之首|最高|最快|最多/;

/** A figure or a statement for a query; `found`: the records already matched for it; `brief`: the figure alone. */
export function findFigure(k: Knowledge, q: Query, brief: boolean, found?: Matches): FigureFound {
  const indicator = (best: Indicator, rest: Candidate[], fallback?: string): FigureFound =>
    brief
      ? { kind: 'indicator', best, rest, fallback, related: [] }
      : { kind: 'indicator', best, rest, fallback, related: relatedFigures(k, q, best, rest), before: sentenceBefore(k, q, best), otherReports: otherReports(best, rest) };
  const statement = (best: Indicator | Passage | Task, rest: Candidate[], fallback?: string, said?: string): FigureFound => ({ kind: 'statement', best, rest, fallback, ...statementFound(k, q, best, said) });
  if (!q.metric && !found?.answers.length) return { kind: 'unclear', why: 'metric' };
  // 总额多少 alone: a head measures some metric, and the question does not say which.
  const bare = q.metric.replace(/\s+/g, '');
  if (bare in k.lex.metrics.headUnits) return { kind: 'unclear', why: 'head', word: bare };
  // 总投资呢 after a figure: that of the same subject, said right after it.
  const beside = q.beside && !found ? besideFigure(k, q.beside) : undefined;
  if (beside) return indicator(beside, []);
  // 完成多少, 总投资呢 with nothing before it to be of: never a search of the word everywhere.
  const word = found ? undefined : genericWord(q, k.lex);
  if (word) return { kind: 'unclear', why: 'generic', word };
  const { m, fallback } = matchLatest(k, q, found ?? sinceJanuary(k, q));
  const best = m.answers[0];
  if (!best) {
    const said = saidInClause(k, q, m.nearby);
    return said ? statement(said.record, [], fallback, said.clause) : { kind: 'none', nearby: m.nearby };
  }
  const r = best.record;
  const asksFigure = q.intent === 'value' || q.intent === 'growth';
  // A sentence answers a figure question only when it says every word of it.
  if (asksFigure && r.type !== 'indicator' && best.coverage < 0.99) return { kind: 'none', nearby: m.nearby };
  // Nor when it sets no level (R&D占比:…的比重 defines; 明确…工作目标 does), or a number of something was asked.
  if (asksFigure && r.type === 'passage' && (asksAmount(q.text) || !setsLevel(r.text, k.lex))) return { kind: 'none', nearby: m.nearby };
  // A rank asked is of the metric asked, every word of it (高新区…增速排名 is no rank of 高新技术产业增加值占比).
  // (Nor by a sentence that ranks nothing: 嘉善GDP增长 → 排名呢 is no 年均增长率达到8%.)
  const rankAsked = RANK_ASKED.test(q.text);
  const text = r.type === 'indicator' ? r.sentence : r.text;
  if (rankAsked && (best.coverage < 0.99 || !RANK_SAID.test(text))) return { kind: 'none', nearby: m.nearby };
  if (r.type === 'indicator') {
    // A ranking, or words that are in the sentence but in no figure's name: the sentence answers.
    // (Unless the sentence ranks several places at once, 独山港镇、新埭镇…分别排在第124、409、448名: the asked place's own figure answers.)
    const ranksEach = r.region && sentenceMates(k, r).some((x) => x.unit === r.unit && x.region && x.region !== r.region);
    if (!brief && !ranksEach && (q.intent === 'fact' || rankAsked)) return statement(r, m.answers.slice(1), fallback);
    return indicator(r, m.answers.slice(1), fallback);
  }
  if (r.type === 'task') return { kind: 'task', task: r };
  return statement(r, m.answers.slice(1), fallback);
}
