/**
 * Whether words can answer a figure question. A target may be set in words (与经济增长基本同步),
 * but only a sentence that sets a level does so; and a count or an amount asked (多少农户,
 * 出口额) is said by a figure, never by words.
 */
import type { Lexicon } from '../knowledge/lexicon.js';

// 出口额, 多少亿元; 多少农户, 几个园区, 一共多少: the question wants a number of something.
const AMOUNT_ASKED = /额|多少钱|多少亿|多少万|(?:多少|几[个家项户人名所座条次件位辆台])(?=[\u4e00-\u9fffA-Za-z])|一共|总共|共有/;

export function asksAmount(question: string): boolean {
  return AMOUNT_ASKED.test(question);
}

/** True when a sentence sets a level: a number (not an item's, a year's or an ordinal), or a word of levelsInWords. */
export function setsLevel(text: string, lex: Lexicon): boolean {
  // (PM2.5, 5G, G60: names with a number in them set no level.)
  const figures = text.replace(/^\s*\d{1,2}[.、．]/, '').replace(/(?:19|20)\d{2}年|第\d+|[A-Za-z]+\d+(?:\.\d+)?|\d+[A-Za-z]+/g, '');
  return /\d/.test(figures) || lex.lexicon.levelsInWords.words.some((w) => text.includes(w));
}
