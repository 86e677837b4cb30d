/**
 * One-character typos of the words the reports use (用点量 → 用电量, 税手 → 税收, 技改投人 →
 * 技改投入, 谁千头 → 谁牵头). A typo shows as a character pair that no report and no word list
 * holds; it is read as the word of the vocabulary — record names, metric aliases, places,
 * departments, question words — that differs from it in one of those two characters, by a
 * character that sounds the same (how most typos on a phone's pinyin keyboard happen) or, in
 * a word of three or more, one that looks alike (knowledge/lexicon.json lookAlike: 人 and 入).
 */
import { createRequire } from 'node:module';
import type { Knowledge } from '../knowledge/load.js';
import { documentFrequency } from '../knowledge/search.js';
import { fold } from '../text/normalize.js';

const CJK = /^[\u3400-\u9fff]+$/;
const MIN = 2;
const MAX = 6;

interface Vocabulary {
  /** A word with one character replaced by '?' → the words of that shape. */
  shapes: Map<string, string[]>;
  /** How often each word names something: the commoner of two readings wins. */
  weight: Map<string, number>;
  /** Words that stand as they are written, by their first character: a character inside one is no typo. */
  known: Map<string, string[]>;
  /** Character pairs of the records' metric names. */
  nameWords: Set<string>;
  /** Question words that only fill: never a correction's reading. */
  fillers: Set<string>;
}

const vocabularies = new WeakMap<Knowledge, Vocabulary>();

/** The words people and lists use for the reports' things, which need not occur in any report. */
function listedWords(k: Knowledge): string[] {
  const l = k.lex.lexicon;
  return [
    ...k.lex.aliasGroups.flat(),
    ...k.departments.map((d) => d.text),
    ...k.lex.placeNames.map((p) => p.text),
    ...k.lex.metrics.qualifiers,
    ...k.lex.metrics.heads,
    ...k.lex.metrics.rateHeads,
    ...l.questionWords, ...l.targetWords, ...l.actualWords, ...l.changeWords, ...l.taskWords, ...l.measureWords,
    ...Object.values(l.aspects).flat(), ...l.roles.lead, ...l.roles.part, ...Object.keys(l.statuses), ...Object.values(l.documents).flat(),
    // Words of periods (十三五, 过去五年) are no typos of a place (平湖十三五 is not 平湖市三五).
    ...Object.keys(l.spans), ...l.pastSpans, ...l.nextSpans, ...Object.values(l.relative).flat(),
  ];
}

const pairCache = new WeakMap<Knowledge, Set<string>>();
function listedPairs(k: Knowledge): Set<string> {
  let pairs = pairCache.get(k);
  if (!pairs) {
    pairs = new Set();
    for (const word of listedWords(k).map(fold)) for (let i = 0; i + 1 < word.length; i++) pairs.add(word.slice(i, i + 2));
    pairCache.set(k, pairs);
  }
  return pairs;
}

function vocabulary(k: Knowledge): Vocabulary {
  let v = vocabularies.get(k);
  if (v) return v;
  const weight = new Map<string, number>();
  const add = (word: string, w: number) => {
    const f = fold(word);
    if (f.length < MIN || f.length > MAX || !CJK.test(f)) return;
    weight.set(f, (weight.get(f) ?? 0) + w);
  };
  const listed = listedWords(k);
  for (const word of listed) add(word, 20);
  // A name longer than a window (信息化发展指数) is found by its windows (信息化发展指).
  const addName = (name: string) => {
    const f = fold(name);
    if (f.length <= MAX) add(f, 1);
    else for (let i = 0; i + MAX <= f.length; i++) add(f.slice(i, i + MAX), 1);
  };
  for (const ind of k.indicators) {
    addName(ind.name);
    if (ind.subject) addName(ind.subject);
  }
  const shapes = new Map<string, string[]>();
  for (const word of weight.keys()) {
    for (let i = 0; i < word.length; i++) {
      const shape = `${word.slice(0, i)}?${word.slice(i + 1)}`;
      const list = shapes.get(shape);
      if (list) list.push(word);
      else shapes.set(shape, [word]);
    }
  }
  const known = new Map<string, string[]>();
  for (const word of new Set(listed.map(fold).filter((w) => w.length >= 2))) {
    const list = known.get(word[0]);
    if (list) list.push(word);
    else known.set(word[0], [word]);
  }
  const nameWords = new Set<string>();
  for (const ind of k.indicators) {
    const name = fold(ind.name);
    for (let i = 0; i + 1 < name.length; i++) nameWords.add(name.slice(i, i + 2));
  }
  v = { shapes, weight, known, nameWords, fillers: new Set(k.lex.lexicon.questionWords.map(fold)) };
  vocabularies.set(k, v);
  return v;
}

// The pinyin dictionary is loaded only when a question has a pair no report holds.
let pinyinOf: ((ch: string) => string[]) | undefined;
function readings(ch: string): string[] {
  if (!pinyinOf) {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as { pinyin: (t: string, o: object) => string[] };
    const memo = new Map<string, string[]>();
    pinyinOf = (c) => {
      let r = memo.get(c);
      if (!r) memo.set(c, (r = pinyin(c, { toneType: 'none', type: 'array', multiple: true })));
      return r;
    };
  }
  return pinyinOf(ch);
}

function soundsAlike(a: string, b: string): boolean {
  const rb = readings(b);
  return readings(a).some((r) => rb.includes(r));
}

const lookAlikes = new WeakMap<Knowledge, Map<string, string>>();
function looksAlike(k: Knowledge, a: string, b: string): boolean {
  let map = lookAlikes.get(k);
  if (!map) {
    map = new Map();
    for (const group of k.lex.lexicon.lookAlike) for (const ch of group) map.set(ch, group);
    lookAlikes.set(k, map);
  }
  return Boolean(map.get(a)?.includes(b));
}

export interface Corrected {
  text: string;
  /** [as typed, as read], for the answer to say how it read the question. */
  corrections: [string, string][];
}

/** Reads one-character typos in a folded question as the vocabulary words they resemble. */
export function correctTypos(text: string, k: Knowledge): Corrected {
  const corrections: [string, string][] = [];
  // Most questions hold no pair unknown to the reports: nothing to read again, and the
  // vocabulary is not even made.
  const listed = listedPairs(k);
  const known = (pair: string) => listed.has(pair) || documentFrequency(k.index, pair) > 0;
  let unknown = false;
  for (let i = 0; i + 1 < text.length && !unknown; i++) {
    const pair = text.slice(i, i + 2);
    unknown = CJK.test(pair) && !known(pair);
  }
  if (!unknown) return { text, corrections };
  const v = vocabulary(k);
  // Characters of words written as they stand — listed words, or words of the records' names
  // (原油 of brent原油) — cannot be typos.
  const fixed = new Array<boolean>(text.length).fill(false);
  for (let at = 0; at < text.length; at++) {
    for (const word of v.known.get(text[at]) ?? []) if (text.startsWith(word, at)) fixed.fill(true, at, at + word.length);
  }
  for (let at = 0; at + 1 < text.length; at++) if (v.nameWords.has(text.slice(at, at + 2))) fixed.fill(true, at, at + 2);
  // (Nor the word of a date: 月 of 截止6月城镇 is June's, not a typo of 越城.)
  for (const m of text.matchAll(/\d[月年日号]/g)) fixed[m.index! + 1] = true;
  let out = text;
  for (let i = 0; i + 1 < out.length; i++) {
    const pair = out.slice(i, i + 2);
    if (!CJK.test(pair) || known(pair)) continue;
    let best: { at: number; from: string; to: string; score: number } | undefined;
    for (let length = MAX; length >= MIN; length--) {
      for (let start = Math.max(0, i + 2 - length); start <= i && start + length <= out.length; start++) {
        const window = out.slice(start, start + length);
        if (!CJK.test(window)) continue;
        for (const j of [i - start, i + 1 - start]) {
          if (fixed[start + j]) continue;
          const shape = `${window.slice(0, j)}?${window.slice(j + 1)}`;
          // A two-character word is weak evidence: the character must not also pair with its other neighbour.
          if (length === 2) {
            const other = j === 0 ? out.slice(start - 1, start + 1) : out.slice(start + 1, start + 3);
            if (other.length === 2 && known(other)) continue;
          }
          for (const word of v.shapes.get(shape) ?? []) {
            // A typo is of a word that matters; question words like 想问 are never the reading.
            if (v.fillers.has(word)) continue;
            const alike = soundsAlike(window[j], word[j]);
            if (!alike && (length < 3 || !looksAlike(k, window[j], word[j]))) continue;
            const score = length * 10 + (alike ? 5 : 0) + Math.log(1 + (v.weight.get(word) ?? 0));
            if (!best || score > best.score) best = { at: start, from: window, to: word, score };
          }
        }
      }
      if (best) break;
    }
    if (!best) continue;
    out = out.slice(0, best.at) + best.to + out.slice(best.at + best.to.length);
    fixed.fill(true, best.at, best.at + best.to.length);
    corrections.push([best.from, best.to]);
    i = best.at + best.to.length - 2;
  }
  return { text: out, corrections };
}
