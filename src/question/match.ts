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
import { periodKey } from '../text/period.js';

export interface Candidate {
  record: KnowledgeRecord;
  score: number;
  coverage: number;
}

/** Below this share of the question's content found in a record, the record does not answer it. */
export const MIN_COVERAGE = 0.7;
const POOL = 120;
// Words that name the whole city rather than a place: the record's own place must match.
const CITY_WORDS = new Set(['全市', '我市', '嘉兴全市', '市本级']);

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
    return !CITY_WORDS.has(p.text) && hay.includes(p.text);
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

/** The question's content as concepts: alias groups where a member is named, else bigrams. */
export function concepts(k: Knowledge, q: Question): Concept[] {
  let rest = q.content;
  const out: Concept[] = [];
  k.lex.aliasGroups.forEach((group) => {
    const named = [...group].sort((a, b) => b.length - a.length).find((m) => rest.includes(m));
    if (!named) return;
    out.push({ forms: group, weight: Math.max(1, named.length - 1) });
    rest = rest.split(named).join(' ');
  });
  for (const p of q.places) rest = rest.split(p.text).join(' ');
  for (const t of tokensOfFolded(rest)) out.push({ forms: [t], weight: 1 });
  return out;
}

function coverage(hay: string, cs: Concept[]): number {
  let total = 0;
  let found = 0;
  for (const c of cs) {
    total += c.weight;
    if (c.forms.some((f) => hay.includes(f))) found += c.weight;
  }
  return total ? found / total : 0;
}

const DATE = /\d{1,2}月\d{1,2}日/;
// 完成了多少, 实际: the question asks what happened, not what was planned.
const ACTUAL_WORDS = /完成|实际|已经|实现|达到了/;

/**
 * Records that answer the question, best first; empty when none does. `types` limits the
 * kinds of record considered.
 */
export function findRecords(k: Knowledge, q: Question, types?: KnowledgeRecord['type'][]): Candidate[] {
  const cs = concepts(k, q);
  if (!cs.length) return [];
  const query = cs.flatMap((c) => c.forms).join(' ');
  const results = k.index.search(query, {
    filter: (res) => {
      const r = k.byId.get(res.id as string);
      return !!r && (!types || types.includes(r.type)) && fits(k, q, r);
    },
  });
  const pool = results.slice(0, POOL);
  if (!pool.length) return [];
  const top = pool[0].score;
  const nameConcepts = cs;
  const canonical = cs.filter((c) => c.forms.length > 1).map((c) => c.forms[0]);
  const candidates: Candidate[] = [];
  for (const res of pool) {
    const r = k.byId.get(res.id as string)!;
    const cov = coverage(k.haystack.get(r.id)!, cs);
    if (cov < MIN_COVERAGE) continue;
    let score = cov * 2 + res.score / top;
    const named = q.places.find((p) => p.region && p.region === r.region);
    if (named) score += 0.5;
    else if (!q.places.length && r.region === '嘉兴市') score += 0.3;
    if (r.type === 'indicator') {
      const nameHay = [r.name, ...r.aliases, r.subject].join('|').toLowerCase();
      score += 0.6 * coverage(nameHay, nameConcepts);
      // 用电量 names the group of 全社会用电量: the record named by the group's first name leads.
      if (canonical.some((c) => r.name.toLowerCase().includes(c))) score += 0.3;
      if (!q.when && !q.who) score += 0.3;
      if (q.change && (r.growth.length || r.isChange)) score += 0.3;
      if (r.headline) score += 0.1;
    }
    if (r.type !== 'task' && !q.target && r.nature === 'actual') score += ACTUAL_WORDS.test(q.folded) ? 0.6 : 0.2;
    if (q.who && r.type === 'task') score += 0.8;
    // 什么时候: a sentence that gives a date answers it; a whole task only when tasks are asked about.
    if (q.when && r.type !== 'task' && DATE.test(r.type === 'indicator' ? r.sentence : r.text)) score += 0.5;
    if (q.when && r.type === 'passage') score += 0.3;
    candidates.push({ record: r, score, coverage: cov });
  }
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
