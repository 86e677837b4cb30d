/**
 * A topic asked bare (嘉兴外贸, 外资情况, 就业咋样) is its headline metric: 外贸 is 进出口总额, or
 * 出口 where the reports give the place asked no 进出口总额 (knowledge/metrics.json topics). A
 * record that only names the topic — 22条稳外贸政策, 世界500强外资项目10个 — is none of them.
 */
import type { Knowledge } from '../knowledge/load.js';
import { fold } from '../text/normalize.js';
import type { PlaceRef } from './query.js';

export function headlineOf(metric: string, places: PlaceRef[], home: string, k: Knowledge): string {
  const bare = places.reduce((m, p) => m.split(p.text).join(' '), metric).replace(/\s+/g, '');
  const headlines = k.lex.metrics.topics.words[bare];
  if (!headlines) return metric;
  // (A question that names no place asks the home city's.)
  const regions = places.length ? places.map((p) => p.region) : [home];
  const given = (h: string) => k.indicators.some((r) => regions.includes(r.region) && !r.owner && fold(r.name).includes(fold(h)));
  return metric.replace(bare, headlines.find(given) ?? headlines[0]);
}
