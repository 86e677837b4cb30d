/**
 * Text normal forms.
 *
 * `tidy` is for document text that readers will see again: full-width letters and digits
 * become ASCII and the stray spaces of PDF conversions go, but Chinese punctuation stays.
 * `fold` is for matching: it also folds traditional characters to simplified, full-width
 * punctuation to ASCII and letters to lower case, so that a question typed any way meets
 * the records the same way.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** Traditional (as Taiwan writes it) to simplified (as the mainland does): its dictionaries, in order. */
const CONVERSION = [...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn];

/**
 * The words of those dictionaries that change a text, by their first character: a lookup table
 * made in a few milliseconds. Building the converter's tries takes far longer, and most texts
 * (every question typed in simplified characters) hold none of these words, so the converter
 * is built when a text first does. Where no such word occurs, it would return the text as is.
 */
const changing = new Map<string, string[]>();
for (const group of CONVERSION) {
  for (const dict of group) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
    for (const [from, to] of entries) {
      if (!from || from === to) continue;
      const first = String.fromCodePoint(from.codePointAt(0)!);
      const words = changing.get(first);
      if (words) words.push(from);
      else changing.set(first, [from]);
    }
  }
}

let converter: ((text: string) => string) | undefined;
function toSimplified(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const words = changing.get(text[i]) ?? (text.charCodeAt(i) >= 0xd800 ? changing.get(String.fromCodePoint(text.codePointAt(i)!)) : undefined);
    if (words?.some((w) => text.startsWith(w, i))) return (converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text);
  }
  return text;
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff0b\uff0d\uff0f]/g;
// A space is kept only between two ASCII letters (a name like "Rolls Royce") or two digits
// (2021-09-08 17:17, whose day and hour would otherwise run together), as one space.
const SPACE = /[ \t\u00a0\u3000]+/g;
const bothSides = (before: string | undefined, after: string | undefined, kind: RegExp) => kind.test(before ?? '') && kind.test(after ?? '');
function spaceOrNothing(run: string, at: number, line: string): string {
  const before = line[at - 1];
  const after = line[at + run.length];
  return bothSides(before, after, /[A-Za-z]/) || bothSides(before, after, /\d/) ? ' ' : '';
}
// Control characters (other than tab and newline) and lone surrogates carry nothing.
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Document text, tidied for reading and for extraction. Lines are kept. */
export function tidy(text: string): string {
  return text
    .replace(JUNK, '')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .split('\n')
    .map((line) => line.replace(SPACE, spaceOrNothing).replace(SPLIT_DECIMAL, '$1').trim())
    .join('\n');
}

// 1 0 . 6 %: a number whose digits a page spaced out (the space before the point is gone already).
const SPLIT_DECIMAL = /(?<![\d.])(\d) (?=\d{1,3}\.\d)/g;

/**
 * Folded texts kept by their text: questions fold the same record names and sentences again
 * and again, and folding (two passes of the converter's dictionaries) was a third of a
 * question's time. Bounded: emptied when full, and long texts (whole documents) are not kept.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 50_000;
const FOLDED_LONGEST = 2_000;

/** Text folded for matching: simplified, half-width, lower case, without spaces. */
export function fold(text: string): string {
  const kept = folded.get(text);
  if (kept !== undefined) return kept;
  const out = toSimplified(tidy(text.normalize('NFKC')).replace(/\s+/g, '')).toLowerCase();
  if (text.length <= FOLDED_LONGEST) {
    if (folded.size >= FOLDED_KEPT) folded.clear();
    folded.set(text, out);
  }
  return out;
}

export const CJK_CLASS = CJK;

/** A text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Text with the longer words of `words` that hold one of `forms` inside them blanked out (进出口 of 出口):
 * there the form is no word of its own.
 */
export function withoutWordsHolding(text: string, forms: readonly string[], words: readonly string[]): string {
  let out = text;
  for (const w of words) if (forms.some((f) => w.length > f.length && w.includes(f))) out = out.split(w).join('|');
  return out;
}
