/**
 * Word lists of knowledge/lexicon.json, folded once and ordered longest first, and the two
 * things the parser does with them: find which word of a list a text holds, and take the
 * words of a list out of a text.
 */
import type { Lexicon } from '../knowledge/lexicon.js';
import { fold } from '../text/normalize.js';

/** A folded word list, longest first. */
export type Words = readonly string[];

export function words(list: Iterable<string>): Words {
  return [...new Set([...list].map(fold).filter(Boolean))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The longest word of the list the text holds, if any. */
export function findWord(text: string, list: Words): string | undefined {
  return list.find((w) => text.includes(w));
}

/** The text with every word of the list replaced by a space, longest first. */
export function without(text: string, list: Words): string {
  let out = text;
  for (const w of list) if (out.includes(w)) out = out.split(w).join(' ');
  return out;
}

/** Words of a map of lists (statuses, aspects …), longest first, with the key each belongs to. */
export function keyed<K extends string>(map: Partial<Record<K, string[]>>): [string, K][] {
  const out: [string, K][] = [];
  for (const [key, list] of Object.entries(map) as [K, string[]][]) for (const w of list) out.push([fold(w), key]);
  return out.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
}

/** The question words of the lexicon, folded once per lexicon. */
export interface QuestionWords {
  fillers: Words;
  target: Words;
  actual: Words;
  actualVerbs: Words;
  change: Words;
  bases: [string, string][];
  aspects: [string, 'who' | 'when' | 'status' | 'progress' | 'why' | 'what'][];
  lead: Words;
  part: Words;
  unmarked: Words;
  statuses: [string, string[]][];
  task: Words;
  measure: Words;
  documents: [string, string][];
  documentAsks: [string, string][];
  sources: Words;
  freshness: Words;
  compute: [string, 'difference' | 'share' | 'progress'][];
  greetings: Words;
  thanks: Words;
  help: Words;
  followUpHeads: Words;
  followUpTails: Words;
  relative: [string, 'this-year' | 'last-year' | 'this-month' | 'last-month' | 'latest'][];
  spans: [string, [number, number]][];
  pastSpans: Words;
  nextSpans: Words;
  eachPlace: Words;
  placeRank: { which: Words; high: Words; low: Words };
  /** 建了多少, 引了几个: the character before a one-character verb done (1) and the verb (2). */
  shortDone: RegExp;
  /** 新增了多少: a result asked. */
  resultDone: RegExp;
}

const cache = new WeakMap<Lexicon, QuestionWords>();

export function questionWords(lex: Lexicon): QuestionWords {
  let w = cache.get(lex);
  if (w) return w;
  const l = lex.lexicon;
  w = {
    fillers: words(l.questionWords),
    target: words(l.targetWords),
    actual: words(l.actualWords),
    actualVerbs: words(l.actualVerbs),
    change: words(l.changeWords),
    bases: keyed(l.bases),
    aspects: keyed(l.aspects),
    lead: words(l.roles.lead),
    part: words(l.roles.part),
    unmarked: words(l.unmarked),
    statuses: Object.entries(l.statuses)
      .map(([k, v]) => [fold(k), v] as [string, string[]])
      .sort((a, b) => b[0].length - a[0].length),
    task: words(l.taskWords),
    measure: words(l.measureWords),
    documents: keyed(l.documents),
    documentAsks: keyed(l.documentAsks),
    sources: words(l.sourcesWords),
    freshness: words(l.freshnessWords),
    compute: keyed(l.computeWords),
    greetings: words(l.greetings),
    thanks: words(l.thanks),
    help: words(l.helpWords),
    followUpHeads: words(l.followUpHeads),
    followUpTails: words(l.followUpTails),
    relative: keyed(l.relative),
    // (After a period taken out, 上半年投了多少, the verb may follow a blank.)
    shortDone: new RegExp(`([\\u4e00-\\u9fffa-z0-9]|\\s)(${l.shortVerbs.words.join('|')})了(?:多少|几)`),
    // (新增了多少家, and 新增几家了: the 了 after the count says it too.)
    resultDone: new RegExp(`(?:${l.resultVerbs.words.join('|')})(?:了(?:多少|几)|(?:多少|几)[\u4e00-\u9fff]{0,2}了)`),
    spans: Object.entries(l.spans)
      .map(([k, v]) => [fold(k), v] as [string, [number, number]])
      .sort((a, b) => b[0].length - a[0].length),
    pastSpans: words(l.pastSpans),
    nextSpans: words(l.nextSpans),
    eachPlace: words(l.eachPlaceWords),
    placeRank: { which: words(l.placeRankWords.which), high: words(l.placeRankWords.high), low: words(l.placeRankWords.low) },
  };
  cache.set(lex, w);
  return w;
}
