/**
 * The tokenizer of the search index, for Chinese: MiniSearch's default splits on spaces and
 * punctuation, which leaves a Chinese sentence as one token. Here every run of CJK characters
 * gives its character bigrams (a lone character stands as itself) and every run of ASCII
 * letters and digits gives one token, so "6月全市用电量" and "全社会用电量" share 用电, 电量.
 */
import { fold, CJK_CLASS } from './normalize.js';

const RUNS = new RegExp(`[${CJK_CLASS}]+|[a-z]+|[0-9]+(?:\\.[0-9]+)?`, 'g');
const CJK_RUN = new RegExp(`^[${CJK_CLASS}]`);

/** Tokens of text already folded (see fold). */
export function tokensOfFolded(folded: string): string[] {
  const tokens: string[] = [];
  for (const run of folded.match(RUNS) ?? []) {
    if (!CJK_RUN.test(run)) {
      tokens.push(run);
    } else if (run.length === 1) {
      tokens.push(run);
    } else {
      for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
    }
  }
  return tokens;
}

export function tokenize(text: string): string[] {
  return tokensOfFolded(fold(text));
}
