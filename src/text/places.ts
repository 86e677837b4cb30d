/** Place names in text, from knowledge/regions.json: the longest name wins where names overlap. */
import type { Lexicon } from '../knowledge/lexicon.js';

export interface PlaceMention {
  /** The Jiaxing region named, or null for a place outside Jiaxing. */
  region: string | null;
  text: string;
  index: number;
}

/** Every place named in `text` (folded or tidy text: place names are plain Chinese). */
export function findPlaces(text: string, lex: Lexicon): PlaceMention[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const found: PlaceMention[] = [];
  for (const { text: name, region } of lex.placeNames) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (taken.slice(at, at + name.length).some(Boolean)) continue;
      taken.fill(true, at, at + name.length);
      found.push({ region, text: name, index: at });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Words for "this city": in a document they mean the document's own place, whichever it is. */
export const OWN_CITY = new Set(['全市', '我市', '本市', '市本级']);

/**
 * The place a clause is about, when it opens with one (after a period such as 1-6月).
 * 全市 and 我市 name no place of their own: the caller's context decides.
 */
export function leadingPlace(clause: string, lex: Lexicon): PlaceMention | undefined {
  const first = findPlaces(clause.slice(0, 12), lex)[0];
  if (!first || first.region === null || OWN_CITY.has(first.text)) return undefined;
  // 嘉兴市级示范性家庭农场, 嘉兴市属…: 市级 and 市属 are a level of government, not the place.
  if (/[级属]/.test(clause[first.index + first.text.length] ?? '')) return undefined;
  const before = clause.slice(0, first.index);
  // Only a period, a list number or punctuation may stand before the place.
  return /^[\d\-—～~月日年末底至截止到上半今以来,，、.:：\s(（)）]*$/.test(before) ? first : undefined;
}

/** The most specific Jiaxing place a text (a title) names: a town before its county. */
export function mostSpecificPlace(text: string, lex: Lexicon): string | undefined {
  const order = { city: 0, county: 1, town: 2, village: 3 };
  let best: string | undefined;
  for (const m of findPlaces(text, lex)) {
    if (!m.region) continue;
    const r = lex.regionByName.get(m.region)!;
    if (!best || order[r.level] > order[lex.regionByName.get(best)!.level]) best = m.region;
  }
  return best;
}
