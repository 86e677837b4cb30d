/**
 * A topic asked bare (嘉兴外贸, 外资情况, 就业咋样) is its headline metric: 外贸 is 进出口总额, or
 * 出口 where the reports give the place asked no 进出口总额 (knowledge/metrics.json topics). A
 * record that only names the topic — 22条稳外贸政策, 世界500强外资项目10个 — is none of them.
 */
import type { Knowledge } from '../knowledge/load.js';
import { fold } from '../text/normalize.js';
import type { PlaceRef } from './query.js';

// The headline chosen, by topic and places asked, once a knowledge: the records are scanned for it once, not per question.
const chosen = new WeakMap<Knowledge, Map<string, string>>();

export function headlineOf(metric: string, places: PlaceRef[], home: string, k: Knowledge): string {
  const bare = places.reduce((m, p) => m.split(p.text).join(' '), metric).replace(/\s+/g, '');
  const headlines = k.lex.metrics.topics.words[bare];
  if (!headlines) return metric;
  // (A question that names no place asks the home city's.)
  const regions = places.length ? places.map((p) => p.region) : [home];
  let memo = chosen.get(k);
  if (!memo) chosen.set(k, (memo = new Map()));
  const key = `${bare}|${regions.join(',')}`;
  let headline = memo.get(key);
  if (headline === undefined) {
    const given = (h: string) => k.indicators.some((r) => regions.includes(r.region) && !r.owner && fold(r.name).includes(fold(h)));
    memo.set(key, (headline = headlines.find(given) ?? headlines[0]));
  }
  return metric.replace(bare, headline);
}
