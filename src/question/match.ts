/**
 * Matching a question to records: the MiniSearch index proposes, hard constraints (place,
 * period, target) dispose, and coverage — how much of the question's content a record
 * actually says — decides whether there is an answer at all. A record of another place or
 * another year is never a candidate, so it can never be passed off as the answer.
 */
import type { KnowledgeRecord, Period } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Question } from './parse.js';
import { tokensOfFolded } from '../text/tokenize.js';
import { documentFrequency } from '../knowledge/search.js';
import { OWN_CITY } from '../text/places.js';
import { periodKey } from '../text/period.js';

export interface Candidate {
  record: KnowledgeRecord;
  score: number;
  coverage: number;
  /** For indicators: the share of the question's words its name holds. */
  nameCoverage: number;
}

/** Below this share of the question's content found in a record, the record does not answer it. */
export const MIN_COVERAGE = 0.7;

export function recordPeriod(r: KnowledgeRecord): Period | undefined {
  return r.type === 'task' ? undefined : r.period;
}

/** Whether a record's period is the one asked: 6月 is not 1-6月, but 6月末 is 6月. */
export function periodFits(asked: Period, has: Period | undefined, taskYear?: number): boolean {
  if (!has) return asked.kind === 'year' ? taskYear === asked.year : false;
  if (asked.year !== undefined && has.year !== asked.year) return false;
  switch (asked.kind) {
    case 'year':
      return true;
    case 'month':
      return (has.kind === 'month' || has.kind === 'asof' || has.kind === 'day') && has.to === asked.to;
    case 'range':
      return (has.kind === 'range' && has.from === asked.from && has.to === asked.to) || (asked.from === 1 && has.kind === 'asof' && has.to === asked.to);
    case 'asof':
      return (has.kind === 'asof' || has.kind === 'month' || (has.kind === 'range' && has.from === 1)) && has.to === asked.to;
    case 'day':
      return has.kind === 'day' && has.to === asked.to && has.day === asked.day;
    default:
      return true;
  }
}

function placeFits(k: Knowledge, q: Question, r: KnowledgeRecord): boolean {
  const hay = k.haystack.get(r.id)!;
  return q.places.every((p) => {
    if (p.region === null) return hay.includes(p.text);
    if (r.region === p.region) return true;
    // 全市 in a question is Jiaxing; in a record's text it is the record's own place.
    return !OWN_CITY.has(p.text) && hay.includes(p.text);
  });
}

function taskYear(k: Knowledge, r: KnowledgeRecord): number | undefined {
  if (r.type !== 'task') return undefined;
  return Number(k.sourceById.get(r.source)?.date.slice(0, 4)) || undefined;
}

export function fits(k: Knowledge, q: Question, r: KnowledgeRecord): boolean {
  if (!placeFits(k, q, r)) return false;
  if (q.period && !periodFits(q.period, recordPeriod(r), taskYear(k, r))) return false;
  if (q.target && r.type !== 'task' && r.nature !== 'target') return false;
  return true;
}

interface Concept {
  /** Alternatives, any of which satisfies the concept (an alias group, or one word). */
  forms: string[];
  weight: number;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
// Words that join others and name nothing: a record need not contain them.
const JOINERS = new Set([...'和与及的了在是有对把被给跟同向从到为并或而且就都也还要将会能可需已均共']);
const CJK_WORD = /^[\u3400-\u9fff]+$/;

/**
 * The question's content as concepts, each a word the record should contain: alias groups
 * where a member is named (GDP → 生产总值 …), otherwise the words of the content. The word
 * segmenter splits rare words into single characters (流/转/率), so runs of single characters
 * are joined again; a lone joining character (和, 了) is dropped.
 */
export function concepts(k: Knowledge, q: Question): Concept[] {
  let rest = q.content;
  const out: Concept[] = [];
  k.lex.aliasGroups.forEach((group) => {
    const named = [...group].sort((a, b) => b.length - a.length).find((m) => rest.includes(m));
    if (!named) return;
    out.push({ forms: group, weight: Math.max(1, named.length) });
    rest = rest.split(named).join(' ');
  });
  for (const p of q.places) rest = rest.split(p.text).join(' ');
  let run = '';
  const flush = () => {
    // A joining character at the edge of a run (百项已 of 百年百项已开工) is not part of the word.
    while (run && JOINERS.has(run[0])) run = run.slice(1);
    while (run && JOINERS.has(run[run.length - 1])) run = run.slice(0, -1);
    if (run) out.push({ forms: [run], weight: run.length });
    run = '';
  };
  for (const { segment, isWordLike } of WORDS.segment(rest)) {
    if (!isWordLike) {
      flush();
    } else if (CJK_WORD.test(segment) && segment.length === 1) {
      run += segment;
    } else {
      flush();
      out.push({ forms: [segment], weight: CJK_WORD.test(segment) ? segment.length : 1 });
    }
  }
  flush();
  return out;
}

/**
 * The share of the question's words a record's text holds. A word found whole counts fully;
 * a longer word found only in part (城市信用监测 against 信用状况监测) counts for the share of
 * its character pairs found (halved for words of three or four characters).
 */
function coverage(hay: string, cs: Concept[]): number {
  let total = 0;
  let found = 0;
  for (const c of cs) {
    total += c.weight;
    if (c.forms.some((f) => hay.includes(f))) found += c.weight;
    // A character the segmenter left alone is a qualifier (财政总收入's 总): without it the
    // record is of another metric, however much else matches.
    else if (c.forms.length === 1 && c.forms[0].length === 1 && CJK_WORD.test(c.forms[0])) return 0;
    else if (c.forms.length === 1 && c.forms[0].length >= 3) {
      // The segmenter leaves unknown words long (桐贸贷专项授信额度): those count by pairs.
      const f = c.forms[0];
      let pairs = 0;
      for (let i = 0; i + 1 < f.length; i++) if (hay.includes(f.slice(i, i + 2))) pairs++;
      found += ((f.length >= 5 ? 1 : 0.5) * c.weight * pairs) / (f.length - 1);
    }
  }
  return total ? found / total : 0;
}

/**
 * How many postings one question may score. Terms are taken rarest first until the budget is
 * spent or eight are taken (the three rarest always): rare terms find the record, common ones only add work — and
 * they still count in coverage, which every candidate is checked against anyway. This keeps
 * the work per question bounded however many records share a word.
 */
const POSTINGS_BUDGET = 600;
const ALWAYS = 3;
const MAX_TERMS = 8;

// The index does not change once loaded, so a term's frequency is looked up once.
const frequencies = new WeakMap<Knowledge, Map<string, number>>();
function frequency(k: Knowledge, term: string): number {
  let memo = frequencies.get(k);
  if (!memo) frequencies.set(k, (memo = new Map()));
  let df = memo.get(term);
  if (df === undefined) memo.set(term, (df = documentFrequency(k.index, term)));
  return df;
}

function queryTerms(k: Knowledge, cs: Concept[]): string[] {
  const terms = [...new Set(cs.flatMap((c) => c.forms.flatMap((f) => tokensOfFolded(f))))];
  const withDf = terms.map((t) => ({ t, df: frequency(k, t) })).filter((x) => x.df > 0);
  withDf.sort((a, b) => a.df - b.df || a.t.localeCompare(b.t));
  const kept: string[] = [];
  let spent = 0;
  for (const { t, df } of withDf) {
    if (kept.length >= MAX_TERMS || (kept.length >= ALWAYS && spent + df > POSTINGS_BUDGET)) break;
    kept.push(t);
    spent += df;
  }
  return kept;
}

/** The city whose officials ask: a question that names no place is about it. */
const HOME = '嘉兴市';

const DATE = /\d{1,2}月\d{1,2}日/;
// 完成了多少, 实际: the question asks what happened, not what was planned.
const ACTUAL_WORDS = /完成|实际|已经|实现|达到了/;
const PROGRESS_WORDS = /进展|进度|推进情况|落实情况|建设情况|完成情况|实施情况/;

function unitFits(asked: string, unit: string): boolean {
  if (asked === '元') return /元|亿$/.test(unit);
  return unit.includes(asked);
}

/** What makes one fitting record a better answer than another of equal coverage. */
function bonus(q: Question, r: KnowledgeRecord, nameCoverage: number, canonical: string[]): number {
  let score = 0;
  const named = q.places.find((p) => p.region && p.region === r.region);
  if (named) score += 0.5;
  // A question that names no place is a Jiaxing official's: the city's own figure comes first.
  else if (!q.places.length && r.region === HOME) score += 0.6;
  if (r.type === 'indicator') {
    score += 0.6 * nameCoverage;
    // 用电量 names the group of 全社会用电量: the record named by the group's first name leads.
    if (canonical.some((c) => r.name.toLowerCase().includes(c))) score += 0.3;
    if (!q.when && !q.who && !PROGRESS_WORDS.test(q.folded)) score += 0.3;
    if (q.change && (r.growth.length || r.isChange)) score += 0.3;
    if (r.headline) score += 0.1;
    if (q.unit) score += unitFits(q.unit, r.unit) ? 0.5 : -0.3;
  }
  if (r.type !== 'task' && !q.target && r.nature === 'actual') score += ACTUAL_WORDS.test(q.folded) ? 0.6 : 0.2;
  if (q.who && r.type === 'task') score += 0.8;
  // 进展如何: a task with its progress answers better than a sentence about it.
  if (r.type === 'task' && PROGRESS_WORDS.test(q.folded)) score += 2;
  // 什么时候: a sentence that gives a date answers it; a whole task only when tasks are asked about.
  if (q.when && r.type !== 'task' && DATE.test(r.type === 'indicator' ? r.sentence : r.text)) score += 0.5;
  if (q.when && r.type === 'passage') score += 0.3;
  return score;
}

/** Wordings scored per question; the members of each that fit the question become candidates. */
const GROUPS = 60;

export interface Matches {
  /** Records that answer the question, best first; empty when none does. */
  answers: Candidate[];
  /**
   * When none does: records of the question's topic that another place, period or target
   * than the one asked would make answers, to tell what the reports hold instead.
   */
  nearby: Candidate[];
}

const NEARBY = 30;

/** Matches the question against the records; `types` limits the kinds of record considered. */
export function match(k: Knowledge, q: Question, types?: KnowledgeRecord['type'][]): Matches {
  const none: Matches = { answers: [], nearby: [] };
  const cs = concepts(k, q);
  if (!cs.length) return none;
  const results = k.index.search(queryTerms(k, cs).join(' '), {
    filter: (res) => !types || types.includes(k.byId.get((res.members as string[])[0])!.type),
  });
  if (!results.length) return none;
  const top = results[0].score;
  const canonical = cs.filter((c) => c.forms.length > 1).map((c) => c.forms[0]);
  const candidates: Candidate[] = [];
  const nearby: Candidate[] = [];
  for (const res of results.slice(0, GROUPS)) {
    const members = res.members as string[];
    // Members share their wording, so the first speaks for the coverage of all.
    const cov = coverage(k.haystack.get(members[0])!, cs);
    if (cov < MIN_COVERAGE) continue;
    for (const id of members) {
      const r = k.byId.get(id)!;
      const fitting = fits(k, q, r);
      if (!fitting && (candidates.length || r.type !== 'indicator' || nearby.length >= NEARBY)) continue;
      const nameCoverage = r.type === 'indicator' ? coverage(k.nameHaystack.get(r.id)!, cs) : 0;
      // With no place named, a Jiaxing record that holds every word of the question outranks
      // another place's, however well that one's name matches: the asker is the city's.
      const home = !q.places.length && r.region === HOME && cov >= 0.99 ? 1 : 0;
      const c = { record: r, score: cov * 2 + home + res.score / top + bonus(q, r, nameCoverage, canonical), coverage: cov, nameCoverage };
      (fitting ? candidates : nearby).push(c);
    }
  }
  if (candidates.length) return { answers: ranked(q, candidates), nearby: [] };
  return { answers: [], nearby: nearby.sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id)) };
}

/** Records that answer the question, best first; empty when none does. */
export function findRecords(k: Knowledge, q: Question, types?: KnowledgeRecord['type'][]): Candidate[] {
  return match(k, q, types).answers;
}

function ranked(q: Question, candidates: Candidate[]): Candidate[] {
  // Where the question names no period, the latest of equally good records comes first.
  if (!q.period) {
    const keys = candidates.map((c) => {
      const p = recordPeriod(c.record);
      return p ? periodKey(p) : 0;
    });
    const min = Math.min(...keys);
    const max = Math.max(...keys);
    if (max > min) candidates.forEach((c, i) => (c.score += (0.25 * (keys[i] - min)) / (max - min)));
  }
  return candidates.sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id));
}
