/**
 * The figures read from one sentence, by the sentence: made once per knowledge, so that a
 * question that looks beside its answer (the sentence's other figures) scans no records.
 */
import type { Indicator } from '../types.js';
import type { Knowledge } from '../knowledge/load.js';

const bySentence = new WeakMap<Knowledge, Map<string, Indicator[]>>();

/** The indicators read from a sentence, of any document that has it. */
export function ofSentence(k: Knowledge, sentence: string): Indicator[] {
  let map = bySentence.get(k);
  if (!map) {
    map = new Map();
    for (const x of k.indicators) {
      const list = map.get(x.sentence);
      if (list) list.push(x);
      else map.set(x.sentence, [x]);
    }
    bySentence.set(k, map);
  }
  return map.get(sentence) ?? [];
}

/** The other figures of a figure's own sentence in its own document. */
export function sentenceMates(k: Knowledge, r: Indicator): Indicator[] {
  return ofSentence(k, r.sentence).filter((x) => x.id !== r.id && x.source === r.source);
}
