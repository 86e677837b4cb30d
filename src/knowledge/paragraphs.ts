/**
 * The sentences of a record's paragraph, in order: a statement is often read with its
 * neighbours (二是以“一院四园”为抓手… is followed by what the 一院四园 are).
 */
import type { Indicator, Passage } from '../types.js';
import type { Knowledge } from './load.js';

const cache = new WeakMap<Knowledge, Map<string, string[]>>();

function key(r: { source: string; line: number }): string {
  return `${r.source}|${r.line}`;
}

/** The paragraph's sentences (indicators' sentences once each), by their place in it. */
export function paragraphOf(k: Knowledge, r: Indicator | Passage): string[] {
  let map = cache.get(k);
  if (!map) {
    const parts = new Map<string, Map<number, string>>();
    for (const x of [...k.indicators, ...k.passages]) {
      if (x.at === undefined) continue;
      const text = x.type === 'indicator' ? x.sentence : x.text;
      let sentences = parts.get(key(x));
      if (!sentences) parts.set(key(x), (sentences = new Map()));
      // A sentence with figures gives passages of its parts too: the whole sentence stands for them.
      const had = sentences.get(x.at);
      if (!had || text.length > had.length) sentences.set(x.at, text);
    }
    map = new Map([...parts].map(([id, s]) => [id, [...s].sort((a, b) => a[0] - b[0]).map(([, t]) => t)]));
    cache.set(k, map);
  }
  return map.get(key(r)) ?? [r.type === 'indicator' ? r.sentence : r.text];
}
