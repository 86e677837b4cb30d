/**
 * The documents a question is about, found by their identity (kind, number, place, year,
 * title, issuer, notes), never by searching text: which there are, how recent their data
 * is, and of one document the notes that say what is asked. src/answer/document.ts words it.
 */
import type { Indicator, Source } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';
import { sameNumber, type Query } from './query.js';
import { periodKey } from '../text/period.js';
import { fold } from '../text/normalize.js';
import { HOME } from './match.js';

/** Reports before news items, then the newest first. */
const ORDER: Record<Source['kind'], number> = { bulletin: 0, statistics: 0, summary: 0, tasks: 1, report: 2, table: 2, plan: 3, news: 4 };

export function mainSources(k: Knowledge, max = 7): Source[] {
  return [...k.sources].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.date.localeCompare(a.date)).slice(0, max);
}

/** The documents of a kind (all without one), newest first. */
export function sourcesOfKind(k: Knowledge, kind?: Source['kind']): Source[] {
  return [...k.sources].filter((s) => !kind || s.kind === kind).sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * How recent the data is: the latest actual figure a report holds, and the newest report — of
 * the place asked (the home city when none is), and of any other place when that is newer.
 */
export function freshness(k: Knowledge, place = HOME): Freshness {
  const all = freshnessOf(k, () => true);
  const own = freshnessOf(k, (s) => s.region === place);
  if (!own.latest) return all;
  const elsewhere = all.latest && periodKey(all.latest.period) > periodKey(own.latest.period) ? all.latest : undefined;
  return { ...own, ...(elsewhere ? { elsewhere } : {}) };
}

interface Freshness {
  latest?: Indicator;
  /** The latest figure of part of a year (6月, 1-8月), when the latest of all is a whole year's. */
  monthly?: Indicator;
  newest?: Source;
  /** Another place's latest figure, when it is newer. */
  elsewhere?: Indicator;
}

function freshnessOf(k: Knowledge, mine: (s: Source) => boolean): Freshness {
  // Reports and bulletins say how recent the data is; a news item's figures are its own.
  const reports = new Set(k.sources.filter((s) => s.kind !== 'news' && mine(s)).map((s) => s.id));
  // A figure newer than its document is a plan, whatever its sentence says (预计2022年完成).
  const published = (i: Indicator) => {
    const date = k.sourceById.get(i.source)?.date ?? '';
    // (A document that gives no date is taken at its word.)
    if (!date) return true;
    const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)) || 12];
    return (i.period.year ?? 0) * 100 + (i.period.to ?? 12) <= y * 100 + m;
  };
  const data = k.indicators.filter((i) => reports.has(i.source) && i.period.kind !== 'none' && i.period.kind !== 'span' && i.period.year && i.nature === 'actual' && published(i));
  const latestOf = (xs: Indicator[]) => xs.reduce<Indicator | undefined>((best, i) => (!best || periodKey(i.period) > periodKey(best.period) ? i : best), undefined);
  const latest = latestOf(data);
  const partOfYear = (i: Indicator) => i.period.kind !== 'year' && (i.period.to ?? 12) < 12;
  const monthly = latest && !partOfYear(latest) ? latestOf(data.filter(partOfYear)) : undefined;
  const newest = [...k.sources].filter((s) => s.kind !== 'news' && mine(s)).sort((a, b) => b.date.localeCompare(a.date))[0];
  return { latest, ...(monthly ? { monthly } : {}), newest };
}

/** The document a question names: its kind, number, place, year and title words. */
function documentOf(k: Knowledge, q: Query): Source | undefined {
  const scope = q.scope ?? {};
  const words = fold(q.text);
  let best: { s: Source; score: number } | undefined;
  for (const s of k.sources) {
    let score = 0;
    if (scope.number) {
      if (!sameNumber(scope.number, s.number) && !fold(s.title).includes(fold(scope.number))) continue;
      score += 5;
    }
    if (scope.kind) {
      if (s.kind !== scope.kind) continue;
      score += 2;
    }
    const place = q.places.find((p) => p.region);
    if (place) {
      if (s.region === place.region) score += 2;
      else if (!fold(s.title).includes(place.text)) continue;
    }
    if (q.period?.year) {
      if (s.title.includes(String(q.period.year)) || s.date.startsWith(String(q.period.year))) score += 2;
      else continue;
    }
    const title = fold(s.title);
    for (let i = 0; i + 1 < words.length; i++) if (title.includes(words.slice(i, i + 2))) score += 0.2;
    if (!best || score > best.score || (score === best.score && s.date > best.s.date)) best = { s, score };
  }
  return best?.s;
}

/** Note lines (meeting, recipients, preamble …) that say what is asked, each with a name on the line after it. */
function notesFor(k: Knowledge, s: Source, ask: string): string[] {
  const marks = (k.lex.lexicon.noteWords[ask] ?? []).map(fold);
  const notes = s.notes ?? [];
  const out: string[] = [];
  notes.forEach((n, i) => {
    if (!marks.some((m) => fold(n).includes(m))) return;
    // ——2018年1月29日在…会议上 is followed by who spoke: 徐华君.
    const next = notes[i + 1];
    out.push(ask === 'speaker' && next && next.length <= 6 && !/[，,。：:；;编]/.test(next) ? `${n} ${next}` : n);
  });
  return out;
}

/** What is asked of a document (its issuer, date, a note …) and the notes that say it. */
export interface FactAsked {
  ask: string;
  notes: string[];
}

export type DocumentFound = { source: Source; facts: FactAsked[] } | 'mentioned' | undefined;

/**
 * The document asked of and the facts asked, or 'mentioned' when the question names a
 * document the reports only mention (营商环境3.0版实施方案: what they say of it answers), or
 * undefined when no document fits.
 */
export function documentAsked(k: Knowledge, q: Query): DocumentFound {
  const s = documentOf(k, q);
  // The words besides the document's kind must be the document's: its title or issuer (发改委
  // is 嘉兴市发展和改革委员会).
  let named = q.places.reduce((m, p) => m.split(p.text).join(''), q.metric.replace(/\s+/g, ''));
  for (const d of k.departments) if (named.includes(d.text)) named = named.split(d.text).join(fold(d.name));
  const own = s ? fold(`${s.title}${s.issuer}`) : '';
  if (s && named.length >= 3 && ![...named].some((_, i) => i + 1 < named.length && own.includes(named.slice(i, i + 2)))) return 'mentioned';
  if (!s) return undefined;
  const asks = [q.ask ?? 'title', ...(q.alsoAsk ?? [])];
  // (Notes answer what has no field of its own; the issuer's notes say who issued it.)
  const fields = ['date', 'number', 'sections', 'title'];
  return { source: s, facts: asks.map((ask) => ({ ask, notes: fields.includes(ask) ? [] : notesFor(k, s, ask) })) };
}
