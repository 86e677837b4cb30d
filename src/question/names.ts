/**
 * The words of the records' own metric names. A question word that is also part of a name
 * there (计划 in 年度计划完成率, 实际 in 实际利用外资) is content, not a signal.
 */
import type { Knowledge } from '../knowledge/load.js';
import { fold } from '../text/normalize.js';

const MIN = 3;
const MAX = 6;

interface Names {
  /** Each metric name once, folded. */
  names: string[];
  /** For a word: the stretches of names (3 to 6 characters) that hold it. Made when first asked. */
  grams: Map<string, Set<string>>;
}

const cache = new WeakMap<Knowledge, Names>();

/** The stretches of the records' metric names that hold `word`. */
function gramsOf(k: Knowledge, word: string): Set<string> {
  let n = cache.get(k);
  if (!n) cache.set(k, (n = { names: [...new Set(k.indicators.map((i) => fold(i.name)))], grams: new Map() }));
  let grams = n.grams.get(word);
  if (grams) return grams;
  grams = new Set();
  const ends = k.lex.lexicon.changeWords.includes(word);
  for (const name of n.names) {
    for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
      // 增加值增速的贡献率: a word before 的 describes the name's head, it is not the name;
      // 增加值增速比上月回升: nor one a comparison follows.
      // (长兴GDP增长: nor one that ends the name, its verb read into it — 增长 asked is still a growth.)
      if (name[at + word.length] === '的' || name[at + word.length] === '比' || (at + word.length === name.length && ends)) continue;
      for (let start = Math.max(0, at - MAX + word.length); start <= at; start++) {
        for (let end = at + word.length; end <= Math.min(name.length, start + MAX); end++) if (end - start >= MIN) grams.add(name.slice(start, end));
      }
    }
  }
  n.grams.set(word, grams);
  return grams;
}

/**
 * Whether the occurrence of `word` at `at` in `text` is part of a longer metric name the
 * records use: with at least two more characters (计划完成 of 年度计划完成率), so that one
 * neighbouring character (度目标 of 强度目标) does not make a signal word content.
 */
export function inRecordName(k: Knowledge, text: string, at: number, word: string): boolean {
  const grams = gramsOf(k, word);
  for (let start = Math.max(0, at - MAX + word.length); start <= at; start++) {
    for (let end = at + word.length; end <= Math.min(text.length, start + MAX); end++) {
      if (end - start >= Math.max(MIN, word.length + 2) && grams.has(text.slice(start, end))) return true;
    }
  }
  return false;
}

/** The first word of the list that stands in the text as a word of its own, not inside a record's metric name. */
export function signalWord(k: Knowledge, text: string, list: readonly string[]): string | undefined {
  for (const w of list) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) if (!inRecordName(k, text, at, w) && !inHead(k, text, at, w)) return w;
  }
  return undefined;
}

/** Whether the occurrence of `word` at `at` opens a longer head word (增加 of 一产增加值). */
function inHead(k: Knowledge, text: string, at: number, word: string): boolean {
  return k.lex.metrics.heads.some((h) => h.length > word.length && h.startsWith(word) && text.startsWith(h, at));
}
